package dev.supergraph.users.user;

import java.util.List;
import java.util.Optional;

/**
 * Reads of users straight from JDBC, for the hottest read paths ({@code user(id)},
 * {@code me} and {@code _entities} of the router). The rows are read-only {@link User}s
 * outside any persistence context: for a read that never writes, Spring Data's shared
 * entity manager and Hibernate's query and session work cost more than the statement (a
 * profile of {@code user(id)} put 9 % of the request threads' time there). A Spring Data
 * fragment of {@link UserRepository}; writes go through JPA.
 */
interface UserRows {

	/**
	 * A user by id.
	 * @param id the id
	 * @return the user, if registered
	 */
	Optional<User> findOneById(long id);

	/**
	 * Users by id, in one statement whose text is the same for every batch size.
	 * @param ids the ids
	 * @return the users found, in no particular order
	 */
	List<User> findByIdIn(Long[] ids);

}
