package dev.supergraph.catalog.product;

import java.util.Locale;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Product mutations. Who may call them is declared in the schema
 * ({@code @requiresScopes}) and enforced centrally by the starter.
 */
@Controller
class ProductMutationController {

	private final ProductService service;

	ProductMutationController(ProductService service) {
		this.service = service;
	}

	@MutationMapping
	ProductPayload createProduct(@Argument CreateProductInput input, Locale locale) {
		return this.service.create(input, locale);
	}

	@MutationMapping
	ProductPayload updateProductPrice(@Argument UpdateProductPriceInput input, Locale locale) {
		return this.service.updatePrice(input, locale);
	}

}
