/**
 * Catalog categorys.
 */
@NullMarked
package dev.supergraph.catalog.category;

import org.jspecify.annotations.NullMarked;
