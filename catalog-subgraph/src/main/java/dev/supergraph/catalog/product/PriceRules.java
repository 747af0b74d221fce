package dev.supergraph.catalog.product;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import dev.supergraph.starter.errors.UserError;
import dev.supergraph.starter.errors.UserErrors;
import dev.supergraph.starter.money.Currencies;
import dev.supergraph.starter.money.Money;

import org.springframework.stereotype.Component;

/**
 * What a price may be, beyond the shape its input's rules check: in a currency in current
 * use, with no more fraction digits than that currency's minor unit. The currencies are
 * the starter's {@link Currencies}, the list the orders subgraph charges in too.
 */
@Component
class PriceRules {

	private final Currencies currencies;

	private final UserErrors userErrors;

	PriceRules(UserErrors userErrors) {
		this.currencies = Currencies.inCurrentUse();
		this.userErrors = userErrors;
	}

	/**
	 * The problems of a price, checked before any stored data is read.
	 * @param price a price of a valid shape
	 * @param locale the caller's locale
	 * @return {@code UNKNOWN_CURRENCY}, {@code INVALID_FORMAT} for an amount finer than
	 * its currency ({@code 1.50} yen; trailing zeros do not count, so {@code 200.00} yen,
	 * as the API writes it, is sent back as it came), or nothing
	 */
	List<UserError> check(Money price, Locale locale) {
		String currency = price.currency();
		OptionalInt minorUnit = this.currencies.minorUnit(currency);
		if (minorUnit.isEmpty()) {
			return List.of(this.userErrors.of("UNKNOWN_CURRENCY", "catalog.unknownCurrency", currency, locale, "price",
					"currency"));
		}
		if (price.decimal().stripTrailingZeros().scale() > minorUnit.getAsInt()) {
			return List.of(this.userErrors.of("INVALID_FORMAT", "catalog.amountPrecision", currency, locale, "price",
					"amount"));
		}
		return List.of();
	}

	/**
	 * Whether a currency is in current use. A stored price may be in one that is not: it
	 * was in use when the price was set, and ISO 4217 withdrew it since.
	 * @param currency a currency code
	 * @return whether it is in current use
	 */
	boolean inUse(String currency) {
		return this.currencies.inUse(currency);
	}

}
