/**
 * Checks of a subgraph's settings that Bean Validation has no constraint for, applied
 * when Spring Boot binds the settings at start: a subgraph with a wrong setting does not
 * start, and says which setting and why.
 */
@NullMarked
package dev.supergraph.starter.settings;

import org.jspecify.annotations.NullMarked;
