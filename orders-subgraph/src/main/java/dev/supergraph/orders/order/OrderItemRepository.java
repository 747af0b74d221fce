package dev.supergraph.orders.order;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * Order items, read for many orders in one statement.
 */
interface OrderItemRepository extends Repository<OrderItem, Long> {

	List<OrderItem> findByOrderIdInOrderByOrderIdAscLineNoAsc(Collection<Long> orderIds);

	<S extends OrderItem> List<S> saveAll(Iterable<S> items);

}
