package dev.supergraph.users.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link UserRows} with Spring's {@link JdbcClient}; the batch binds its ids as one array
 * ({@code = any(?)}), and the columns are those of the {@link User} mapping.
 */
class UserRowsImpl implements UserRows {

	private static final String COLUMNS = "select id, name, email, created_at, version from users u ";

	private final JdbcClient jdbc;

	UserRowsImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<User> findOneById(long id) {
		return this.jdbc.sql(COLUMNS + "where u.id = ?").param(id).query(UserRowsImpl::user).optional();
	}

	@Override
	public List<User> findByIdIn(Long[] ids) {
		return this.jdbc.sql(COLUMNS + "where u.id = any(?)").param(ids).query(UserRowsImpl::user).list();
	}

	private static User user(ResultSet row, int rowNumber) throws SQLException {
		return User.read(row.getLong("id"), row.getString("name"), row.getString("email"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
	}

}
