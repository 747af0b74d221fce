package dev.supergraph.orders.order;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Orders. Declared query methods run without a surrounding transaction, so a read costs
 * exactly one round trip. Batch reads bind their keys as one array ({@code = any(?)}), so
 * their statement text, and with it the server's prepared statement, is the same for
 * every batch size.
 */
interface OrderRepository extends Repository<Order, Long> {

	Optional<Order> findOneById(Long id);

	@Query(nativeQuery = true, value = "select o.* from orders o where o.id = any(:ids)")
	List<Order> findByIdIn(@Param("ids") Long[] ids);

	Optional<Order> findOneByIdAndBuyerId(Long id, long buyerId);

	Optional<Order> findOneByBuyerIdAndIdempotencyKey(long buyerId, String idempotencyKey);

	/**
	 * One page of orders for each of several buyers, in one statement.
	 * @param buyerIds the buyers
	 * @param afterId the id after which each page starts
	 * @param size the page size (fetch size) per buyer
	 * @return the orders ordered by buyer and id
	 */
	@Query(nativeQuery = true, value = """
			select ranked.* from (
			  select o.*, row_number() over (partition by o.buyer_id order by o.id) as position
			  from orders o
			  where o.buyer_id = any(:buyerIds) and o.id > :afterId
			) ranked
			where ranked.position <= :size
			order by ranked.buyer_id, ranked.id""")
	List<Order> findPagesByBuyer(@Param("buyerIds") Long[] buyerIds, @Param("afterId") long afterId,
			@Param("size") int size);

	Order saveAndFlush(Order order);

}
