package dev.supergraph.users.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users table, through {@link JdbcClient}: plain JDBC, no persistence context. A read
 * needs none (for {@code user(id)}, Spring Data's shared entity manager and Hibernate's
 * query and session work had cost more than the statement: 9 % of the request threads'
 * time), and a write is one statement (why no ORM at all: docs/dependencies.md). A plain
 * bean, not a Spring Data repository, whose proxy's interceptors took another 3.6 % of
 * {@code user(id)}; {@link JdbcClient} translates its exceptions itself (a taken key or
 * email is a {@link org.springframework.dao.DuplicateKeyException}).
 */
@Component
class UserRows {

	private static final String COLUMNS = "select id, name, email, created_at from users u ";

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

	/**
	 * A page of users in id order.
	 * @param afterId the last id of the page before
	 * @param limit the most users to read
	 * @return the users after that id
	 */
	List<User> findPage(long afterId, int limit) {
		return this.jdbc.sql(COLUMNS + "where u.id > ? order by u.id limit ?")
			.param(afterId)
			.param(limit)
			.query(UserRows::user)
			.list();
	}

	/**
	 * A user by id, its row locked until the surrounding transaction ends, so that two
	 * concurrent changes of different fields both survive.
	 * @param id the id
	 * @return the user, if registered
	 */
	Optional<User> findForUpdateById(long id) {
		return this.jdbc.sql(COLUMNS + "where u.id = ? for no key update").param(id).query(UserRows::user).optional();
	}

	/**
	 * Stores a new user; a second registration of the same id, or an email another user
	 * has, fails on the primary key or the unique email index.
	 * @param user the user
	 */
	void insert(User user) {
		this.jdbc.sql("insert into users (id, name, email, created_at) values (?, ?, ?, ?)")
			.params(user.getId(), user.getName(), user.getEmail(), createdAt(user))
			.update();
	}

	/**
	 * Stores a user's changed name and email.
	 * @param user the user, read with {@link #findForUpdateById} in this transaction
	 */
	void update(User user) {
		this.jdbc.sql("update users set name = ?, email = ?, version = version + 1 where id = ?")
			.params(user.getName(), user.getEmail(), user.getId())
			.update();
	}

	private static OffsetDateTime createdAt(User user) {
		return user.getCreatedAt().atOffset(ZoneOffset.UTC);
	}

	private static User user(ResultSet row, int rowNumber) throws SQLException {
		return new User(row.getLong("id"), row.getString("name"), row.getString("email"),
				row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
