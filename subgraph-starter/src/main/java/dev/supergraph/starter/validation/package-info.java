/**
 * Input validation declared once, in the schema: the {@code @constraint} directive, its
 * definition and federation link, and the validator that enforces it.
 */
@NullMarked
package dev.supergraph.starter.validation;

import org.jspecify.annotations.NullMarked;
