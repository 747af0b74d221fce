/**
 * The check: diff, classification and policy verdicts for every schema of a change set.
 */
@NullMarked
package dev.supergraph.schematools.check;

import org.jspecify.annotations.NullMarked;
