/**
 * Markdown changelog entries and the semantic version bump a change set implies.
 */
@NullMarked
package dev.supergraph.schematools.changelog;

import org.jspecify.annotations.NullMarked;
