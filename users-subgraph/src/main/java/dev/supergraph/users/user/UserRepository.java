package dev.supergraph.users.user;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Users. Declared query methods run without a surrounding transaction, so a read costs
 * exactly one round trip. The batch read binds its ids as one array ({@code = any(?)}),
 * so its statement text, and with it the server's prepared statement, is the same for
 * every batch size.
 */
interface UserRepository extends Repository<User, Long> {

	Optional<User> findOneById(Long id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<User> findForUpdateById(Long id);

	@Query(nativeQuery = true, value = "select u.* from users u where u.id = any(:ids)")
	List<User> findByIdIn(@Param("ids") Long[] ids);

	List<User> findByIdGreaterThanOrderById(long afterId, Limit limit);

	User saveAndFlush(User user);

}
