/**
 * Catalog products.
 */
@NullMarked
package dev.supergraph.catalog.product;

import org.jspecify.annotations.NullMarked;
