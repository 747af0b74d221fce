package dev.supergraph.orders.order;

import java.util.List;
import java.util.Optional;

/**
 * Reads of orders and their items straight from JDBC, for the hottest read paths
 * ({@code order(id)}, {@code _entities}, {@code User.orders} and {@code Order.items}).
 * The rows are read-only entities outside any persistence context: for a read that never
 * writes, Spring Data's shared entity manager and Hibernate's native-query result mapping
 * cost more than the statements (9 % of the request threads' time for a user's orders
 * with their items, by profile). Keys are bound as one array ({@code = any(?)}), so each
 * statement text is the same for every batch size. A Spring Data fragment of
 * {@link OrderRepository}; writes go through JPA.
 */
interface OrderRows {

	/**
	 * An order by id.
	 * @param id the id
	 * @return the order, if any
	 */
	Optional<Order> findOneById(long id);

	/**
	 * Orders by id, in one statement.
	 * @param ids the ids
	 * @return the orders found, in no particular order
	 */
	List<Order> findByIdIn(Long[] ids);

	/**
	 * One page of orders for each of several buyers, in one statement.
	 * @param buyerIds the buyers
	 * @param afterId the id after which each page starts
	 * @param size the page size (fetch size) per buyer
	 * @return the orders ordered by buyer and id
	 */
	List<Order> findPagesByBuyer(Long[] buyerIds, long afterId, int size);

	/**
	 * The items of several orders, in one statement.
	 * @param orderIds the orders
	 * @return the items ordered by order and line
	 */
	List<OrderItem> findItemsOf(Long[] orderIds);

}
