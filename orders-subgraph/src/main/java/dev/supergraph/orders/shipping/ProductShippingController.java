package dev.supergraph.orders.shipping;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.supergraph.starter.errors.SubgraphException;
import dev.supergraph.starter.ids.Ids;
import dev.supergraph.starter.money.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Product} entities and their {@code shippingEstimate}, computed from the weight
 * the router passes in the representation ({@code @requires}), without any SQL.
 */
@Controller
class ProductShippingController {

	@EntityMapping
	List<@Nullable Product> product(List<Map<String, Object>> representations) {
		return representations.stream().map(ProductShippingController::fromRepresentation).toList();
	}

	@SchemaMapping
	Money shippingEstimate(Product product) {
		Integer weight = product.weightGrams();
		if (weight == null) {
			throw SubgraphException.badInput("orders.weightRequired");
		}
		return ShippingRate.estimate(weight);
	}

	private static @Nullable Product fromRepresentation(Map<String, Object> representation) {
		OptionalLong id = Ids.tryParse(representation.get("id"));
		if (id.isEmpty()) {
			return null;
		}
		Object weight = representation.get("weightGrams");
		if (!(weight instanceof Integer grams) || grams < 0) {
			// no or a forged weight: only shippingEstimate needs it, and refuses to guess
			return Product.reference(id.getAsLong());
		}
		return new Product(String.valueOf(id.getAsLong()), grams);
	}

}
