package dev.supergraph.catalog.category;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * Categories. Declared query methods run without a surrounding transaction: one round
 * trip per call.
 */
public interface CategoryRepository extends Repository<Category, Long> {

	List<Category> findByIdIn(Collection<Long> ids);

	List<Category> findAllByOrderByName();

	boolean existsById(Long id);

	Category save(Category category);

}
