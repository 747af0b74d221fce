/**
 * The catalog's read cache: public catalog data only, keyed by query arguments and a
 * generation that every catalog write advances.
 */
@NullMarked
package dev.supergraph.catalog.cache;

import org.jspecify.annotations.NullMarked;
