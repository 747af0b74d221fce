package dev.supergraph.orders.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.supergraph.orders.pricing.CatalogQuote;
import dev.supergraph.starter.validation.InputValidator;
import dev.supergraph.starter.errors.UserError;
import dev.supergraph.starter.money.Currencies;
import dev.supergraph.starter.money.Money;
import dev.supergraph.starter.errors.UserErrors;

import org.springframework.stereotype.Component;

/**
 * What makes a {@code placeOrder} input acceptable: its declared constraints, each
 * product on one line only (duplicates are rejected rather than merged, so the client's
 * lines are exactly the stored ones), a known price in one currency in current use for
 * every product, and the units of every line in stock.
 */
@Component
class PlacementChecks {

	private final InputValidator validator;

	private final UserErrors errors;

	private final Currencies currencies;

	PlacementChecks(InputValidator validator, UserErrors errors) {
		this.validator = validator;
		this.errors = errors;
		this.currencies = Currencies.inCurrentUse();
	}

	List<UserError> validate(PlaceOrderInput input, Locale locale) {
		List<UserError> invalid = this.validator.validate(input, locale);
		if (!invalid.isEmpty()) {
			return invalid;
		}
		List<UserError> duplicates = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (int index = 0; index < input.items().size(); index++) {
			OrderItemInput item = input.items().get(index);
			if (!seen.add(item.productNumber())) {
				duplicates.add(this.errors.of("DUPLICATE_PRODUCT", "orders.duplicateProduct", item.productId(), locale,
						"items", index, "productId"));
			}
		}
		return duplicates;
	}

	/**
	 * The catalog's quotes checked against the lines: each product known, priced in a
	 * currency in current use (one withdrawn since the product was priced cannot be paid
	 * until the catalog reprices it) and in stock for the line's units (an order is never
	 * written for what cannot be delivered), then all in one currency. One error per
	 * line, the first of these it fails.
	 */
	List<UserError> checkQuotes(PlacementRequest request, Map<Long, CatalogQuote> quotes, Locale locale) {
		List<UserError> refused = new ArrayList<>();
		Set<String> currencies = new TreeSet<>();
		for (int index = 0; index < request.lines().size(); index++) {
			PlacementRequest.Line line = request.lines().get(index);
			long productId = line.productId();
			CatalogQuote quote = quotes.get(productId);
			if (quote == null) {
				refused.add(onLine("PRODUCT_NOT_FOUND", "orders.productNotFound", productId, index, locale));
			}
			else if (!this.currencies.inUse(quote.price().currency())) {
				refused.add(onLine("UNKNOWN_CURRENCY", "orders.currencyWithdrawn", productId, index, locale));
			}
			else if (line.quantity() > quote.unitsInStock()) {
				// the message names no count: units in stock are for scope inventory:read
				refused.add(onLine("OUT_OF_STOCK", "orders.outOfStock", productId, index, locale));
			}
			else {
				currencies.add(quote.price().currency());
			}
		}
		if (refused.isEmpty() && currencies.size() > 1) {
			refused.add(this.errors.of("CURRENCY_MISMATCH", "orders.currencyMismatch", String.join(", ", currencies),
					locale, "items"));
		}
		return refused;
	}

	private UserError onLine(String code, String key, long productId, int index, Locale locale) {
		return this.errors.of(code, key, productId, locale, "items", index, "productId");
	}

	UserError unregistered(Locale locale) {
		return this.errors.of("UNREGISTERED_USER", "orders.unregisteredUser", "", locale);
	}

	UserError keyReused(PlacementRequest request, Locale locale) {
		return this.errors.of("IDEMPOTENCY_KEY_REUSED", "orders.idempotencyKeyReused", request.idempotencyKey(), locale,
				"idempotencyKey");
	}

	static Money total(PlacementRequest request, Map<Long, CatalogQuote> quotes) {
		BigDecimal sum = BigDecimal.ZERO;
		String currency = "EUR";
		for (PlacementRequest.Line line : request.lines()) {
			Money price = quotes.get(line.productId()).price();
			sum = sum.add(price.decimal().multiply(BigDecimal.valueOf(line.quantity())));
			currency = price.currency();
		}
		return Money.of(sum, currency);
	}

}
