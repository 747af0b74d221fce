package dev.supergraph.orders.order;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Order items, read for many orders in one statement. The order ids are bound as one
 * array ({@code = any(?)}), so the statement text is the same for every number of orders.
 */
interface OrderItemRepository extends Repository<OrderItem, Long> {

	@Query(nativeQuery = true, value = """
			select i.* from order_item i
			where i.order_id = any(:orderIds)
			order by i.order_id, i.line_no""")
	List<OrderItem> findByOrderIdInOrderByOrderIdAscLineNoAsc(@Param("orderIds") Long[] orderIds);

	<S extends OrderItem> List<S> saveAll(Iterable<S> items);

}
