package dev.supergraph.catalog.product;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Products. Declared query methods run without a surrounding transaction, so a read costs
 * exactly one round trip. Batch reads bind their keys as one array ({@code = any(?)}), so
 * their statement text, and with it the server's prepared statement, is the same for
 * every batch size; the id and SKU batches come from {@link ProductRows}.
 */
interface ProductRepository extends Repository<Product, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Product> findForUpdateById(Long id);

	@Query("""
			select p from Product p
			where p.id > :afterId
			  and (:categoryId is null or p.categoryId = :categoryId)
			  and (:namePattern is null or lower(p.name) like :namePattern escape '\\')
			  and (:inStock is null or (:inStock = true and p.stockQuantity > 0)
			                        or (:inStock = false and p.stockQuantity = 0))
			order by p.id""")
	List<Product> findPage(@Param("afterId") long afterId, @Param("categoryId") @Nullable Long categoryId,
			@Param("namePattern") @Nullable String namePattern, @Param("inStock") @Nullable Boolean inStock,
			Limit limit);

	/**
	 * One page of products for each of several categories, in one statement.
	 * @param categoryIds the categories
	 * @param afterId the id after which each page starts
	 * @param size the page size (fetch size) per category
	 * @return the products ordered by category and id
	 */
	@Query(nativeQuery = true, value = """
			select ranked.* from (
			  select p.*, row_number() over (partition by p.category_id order by p.id) as position
			  from product p
			  where p.category_id = any(:categoryIds) and p.id > :afterId
			) ranked
			where ranked.position <= :size
			order by ranked.category_id, ranked.id""")
	List<Product> findPagesByCategory(@Param("categoryIds") Long[] categoryIds, @Param("afterId") long afterId,
			@Param("size") int size);

	Product save(Product product);

	Product saveAndFlush(Product product);

}
