package dev.supergraph.orders.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.supergraph.starter.validation.InputValidator;
import dev.supergraph.starter.errors.UserError;
import dev.supergraph.starter.money.Currencies;
import dev.supergraph.starter.money.Money;
import dev.supergraph.starter.errors.UserErrors;

import org.springframework.stereotype.Component;

/**
 * What makes a {@code placeOrder} input acceptable: its declared constraints, each
 * product on one line only (duplicates are rejected rather than merged, so the client's
 * lines are exactly the stored ones), and a known price in one currency in current use
 * for every product.
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
	 * The catalog's current prices checked against the lines: each product known and
	 * priced in a currency in current use (one withdrawn since the product was priced
	 * cannot be paid until the catalog reprices it), then all in one currency.
	 */
	List<UserError> checkPrices(PlacementRequest request, Map<Long, Money> prices, Locale locale) {
		List<UserError> unpriced = new ArrayList<>();
		Set<String> currencies = new TreeSet<>();
		for (int index = 0; index < request.lines().size(); index++) {
			long productId = request.lines().get(index).productId();
			Money price = prices.get(productId);
			if (price == null) {
				unpriced.add(onLine("PRODUCT_NOT_FOUND", "orders.productNotFound", productId, index, locale));
			}
			else if (!this.currencies.inUse(price.currency())) {
				unpriced.add(onLine("UNKNOWN_CURRENCY", "orders.currencyWithdrawn", productId, index, locale));
			}
			else {
				currencies.add(price.currency());
			}
		}
		if (unpriced.isEmpty() && currencies.size() > 1) {
			unpriced.add(this.errors.of("CURRENCY_MISMATCH", "orders.currencyMismatch", String.join(", ", currencies),
					locale, "items"));
		}
		return unpriced;
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

	static Money total(PlacementRequest request, Map<Long, Money> prices) {
		BigDecimal sum = BigDecimal.ZERO;
		String currency = "EUR";
		for (PlacementRequest.Line line : request.lines()) {
			Money price = prices.get(line.productId());
			sum = sum.add(price.decimal().multiply(BigDecimal.valueOf(line.quantity())));
			currency = price.currency();
		}
		return Money.of(sum, currency);
	}

}
