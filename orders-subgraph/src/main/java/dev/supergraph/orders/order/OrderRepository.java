package dev.supergraph.orders.order;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/**
 * Orders. Declared query methods run without a surrounding transaction, so a read costs
 * exactly one round trip; the hot reads are plain JDBC ({@link OrderRows}), the reads
 * before a write go through JPA.
 */
interface OrderRepository extends Repository<Order, Long> {

	Optional<Order> findOneByIdAndBuyerId(Long id, long buyerId);

	Optional<Order> findOneByBuyerIdAndIdempotencyKey(long buyerId, String idempotencyKey);

	Order saveAndFlush(Order order);

}
