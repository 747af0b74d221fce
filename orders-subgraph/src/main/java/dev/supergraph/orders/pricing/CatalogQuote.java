package dev.supergraph.orders.pricing;

import dev.supergraph.starter.money.Money;

/**
 * What the catalog says about a product when an order is placed: its current unit price
 * and its units in stock. {@code Product.inStock} is {@code unitsInStock > 0} at both of
 * its owners (the catalog, and the inventory that takes the catalog's count over), so a
 * line of more units than these is one of a product clients are shown out of stock, or
 * not in that quantity.
 *
 * @param price the current unit price
 * @param unitsInStock the units in stock
 */
public record CatalogQuote(Money price, int unitsInStock) {

}
