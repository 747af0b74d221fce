package dev.supergraph.users.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

/**
 * Users. Declared query methods run without a surrounding transaction, so a read costs
 * exactly one round trip.
 */
interface UserRepository extends Repository<User, Long> {

	Optional<User> findOneById(Long id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<User> findForUpdateById(Long id);

	List<User> findByIdIn(Collection<Long> ids);

	List<User> findByIdGreaterThanOrderById(long afterId, Limit limit);

	User saveAndFlush(User user);

}
