package dev.supergraph.users.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of users straight from JDBC, for the hottest read paths ({@code user(id)},
 * {@code me} and {@code _entities} of the router). The rows are read-only {@link User}s
 * outside any persistence context: for a read that never writes, Spring Data's shared
 * entity manager and Hibernate's query and session work cost more than the statement (a
 * profile of {@code user(id)} put 9 % of the request threads' time there). A plain bean,
 * not a fragment of {@link UserRepository}: the repository proxy's interceptors
 * (transaction, exception translation, nullness, method metadata) took another 3.6 % of
 * {@code user(id)}, while {@link JdbcClient} translates its exceptions itself. Writes go
 * through JPA.
 */
@Component
class UserRows {

	private static final String COLUMNS = "select id, name, email, created_at, version from users u ";

	private final JdbcClient jdbc;

	UserRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A user by id.
	 * @param id the id
	 * @return the user, if registered
	 */
	Optional<User> findOneById(long id) {
		return this.jdbc.sql(COLUMNS + "where u.id = ?").param(id).query(UserRows::user).optional();
	}

	/**
	 * Users by id, in one statement whose text is the same for every batch size.
	 * @param ids the ids
	 * @return the users found, in no particular order
	 */
	List<User> findByIdIn(Long[] ids) {
		return this.jdbc.sql(COLUMNS + "where u.id = any(?)").param(ids).query(UserRows::user).list();
	}

	private static User user(ResultSet row, int rowNumber) throws SQLException {
		return User.read(row.getLong("id"), row.getString("name"), row.getString("email"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
	}

}
