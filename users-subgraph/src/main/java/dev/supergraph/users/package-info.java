/**
 * The users subgraph (port 4001).
 */
@NullMarked
package dev.supergraph.users;

import org.jspecify.annotations.NullMarked;
