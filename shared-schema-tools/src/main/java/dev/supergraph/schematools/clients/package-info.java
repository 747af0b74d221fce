/**
 * The generated client packages: which trusted operations each contains, so a check can
 * name the packages a change reaches.
 */
@NullMarked
package dev.supergraph.schematools.clients;

import org.jspecify.annotations.NullMarked;
