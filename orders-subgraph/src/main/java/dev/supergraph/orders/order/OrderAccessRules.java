package dev.supergraph.orders.order;

import dev.supergraph.starter.security.OwnershipRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may see orders, beyond what the schema's directives say: the buyer, or a client
 * granted {@code orders:read} (support tools). Enforced by the starter on every path to
 * an order ({@code order}, {@code _entities}, {@code User.orders}, mutation payloads), so
 * no resolver checks it.
 */
@Configuration(proxyBeanMethods = false)
class OrderAccessRules {

	static final String READ_ANY = "orders:read";

	/**
	 * {@code order(id)} of someone else is one {@code FORBIDDEN} error on the field.
	 * @return the rule of {@code Query.order}
	 */
	@Bean
	OwnershipRule orderQueryReturnsOnlyTheCallersOrders() {
		return OwnershipRule.ofResult("Query", "order", READ_ANY, (order) -> buyerOf((Order) order));
	}

	/**
	 * Every field of an order, whichever way it was reached (e.g. {@code _entities},
	 * which a caller could otherwise use to read any order by id).
	 * @return the rule of all {@code Order} fields
	 */
	@Bean
	OwnershipRule orderFieldsAreVisibleToTheBuyer() {
		return OwnershipRule.ofSource("Order", "*", READ_ANY, (order) -> buyerOf((Order) order));
	}

	/**
	 * A user's order history is theirs.
	 * @return the rule of {@code User.orders}
	 */
	@Bean
	OwnershipRule userOrdersAreVisibleToTheUser() {
		return OwnershipRule.ofSource("User", "orders", READ_ANY, (user) -> ((User) user).id());
	}

	private static String buyerOf(Order order) {
		return String.valueOf(order.getBuyerId());
	}

}
