package dev.supergraph.catalog.product;

import java.util.List;

import dev.supergraph.starter.errors.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The payload of the product mutations: the changed product, or the user errors.
 *
 * @param product the created or changed product, {@code null} on user errors
 * @param userErrors the problems with the input
 */
record ProductPayload(@Nullable Product product, List<UserError> userErrors) {

	static ProductPayload of(Product product) {
		return new ProductPayload(product, List.of());
	}

	static ProductPayload failed(List<UserError> errors) {
		return new ProductPayload(null, errors);
	}

	static ProductPayload failed(UserError error) {
		return failed(List.of(error));
	}

}
