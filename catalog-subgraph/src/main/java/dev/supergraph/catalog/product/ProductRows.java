package dev.supergraph.catalog.product;

import java.util.List;

/**
 * Batch reads of products straight from JDBC, for the hottest read path
 * ({@code _entities} of the router). The rows are read-only {@link Product}s outside any
 * persistence context: JPA's session, entity registration and loaded-state snapshots cost
 * more than a read that never writes needs (a profile put 12 % of the catalog's CPU for
 * 100 entities in Hibernate). A Spring Data fragment of {@link ProductRepository}.
 */
interface ProductRows {

	/**
	 * Products by id, in one statement whose text is the same for every batch size.
	 * @param ids the ids
	 * @return the products found, in no particular order
	 */
	List<Product> findByIdIn(Long[] ids);

	/**
	 * Products by SKU, in one statement whose text is the same for every batch size.
	 * @param skus the SKUs
	 * @return the products found, in no particular order
	 */
	List<Product> findBySkuIn(String[] skus);

}
