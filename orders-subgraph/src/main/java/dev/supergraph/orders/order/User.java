package dev.supergraph.orders.order;

/**
 * A {@code User} as this subgraph knows it: only the key, resolved by the users subgraph.
 *
 * @param id the user's id
 */
public record User(String id) {

}
