package dev.supergraph.orders.order;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * Order items, written with their order; they are read with the orders
 * ({@link OrderRows#findItemsOf}).
 */
interface OrderItemRepository extends Repository<OrderItem, Long> {

	<S extends OrderItem> List<S> saveAll(Iterable<S> items);

}
