package dev.supergraph.catalog.category;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Categories. Declared query methods run without a surrounding transaction: one round
 * trip per call. The batch read binds its ids as one array ({@code = any(?)}), so its
 * statement text is the same for every batch size.
 */
public interface CategoryRepository extends Repository<Category, Long> {

	@Query(nativeQuery = true, value = "select c.* from category c where c.id = any(:ids)")
	List<Category> findByIdIn(@Param("ids") Long[] ids);

	List<Category> findAllByOrderByName();

	boolean existsById(Long id);

	Category save(Category category);

}
