package dev.supergraph.users.user;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

/**
 * Users. Declared query methods run without a surrounding transaction, so a read costs
 * exactly one round trip; the hot reads by id are plain JDBC ({@link UserRows}).
 */
interface UserRepository extends Repository<User, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<User> findForUpdateById(Long id);

	List<User> findByIdGreaterThanOrderById(long afterId, Limit limit);

	User saveAndFlush(User user);

}
