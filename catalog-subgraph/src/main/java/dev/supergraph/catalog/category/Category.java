package dev.supergraph.catalog.category;

/**
 * A product category.
 *
 * @param id the id
 * @param name the name
 */
public record Category(Long id, String name) {
}
