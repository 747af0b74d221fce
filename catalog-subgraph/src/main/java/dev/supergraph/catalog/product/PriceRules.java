package dev.supergraph.catalog.product;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.supergraph.starter.errors.UserError;
import dev.supergraph.starter.errors.UserErrors;
import dev.supergraph.starter.money.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a price may be, beyond the shape its input's rules check: in a currency in current
 * use, with no more fraction digits than that currency's minor unit. The currencies are
 * {@code currencies.json}, not the JDK's list, which keeps withdrawn currencies (DEM,
 * HRK) for old data and learns of changes only with a new JDK.
 */
@Component
class PriceRules {

	private static final String CURRENCIES = "currencies.json";

	private final Map<String, Integer> minorUnits;

	private final UserErrors userErrors;

	PriceRules(JsonMapper json, UserErrors userErrors) {
		this.minorUnits = read(json);
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
		Integer minorUnit = this.minorUnits.get(currency);
		if (minorUnit == null) {
			return List.of(this.userErrors.of("UNKNOWN_CURRENCY", "catalog.unknownCurrency", currency, locale, "price",
					"currency"));
		}
		if (price.decimal().stripTrailingZeros().scale() > minorUnit) {
			return List.of(this.userErrors.of("INVALID_FORMAT", "catalog.amountPrecision", currency, locale, "price",
					"amount"));
		}
		return List.of();
	}

	/**
	 * Whether a currency is in current use. A stored price may be in one that is not: it
	 * was in use when the price was set, and ISO 4217 withdrew it since.
	 * @param currency a currency code
	 * @return whether {@code currencies.json} lists it
	 */
	boolean inUse(String currency) {
		return this.minorUnits.containsKey(currency);
	}

	private static Map<String, Integer> read(JsonMapper json) {
		try (InputStream in = new ClassPathResource(CURRENCIES).getInputStream()) {
			Map<String, Integer> minorUnits = new HashMap<>();
			for (JsonNode currency : json.readTree(in).path("currencies")) {
				minorUnits.put(currency.path("code").asString(), currency.path("minorUnit").asInt());
			}
			if (minorUnits.isEmpty()) {
				throw new IllegalStateException(CURRENCIES + " lists no currency");
			}
			return Map.copyOf(minorUnits);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + CURRENCIES, ex);
		}
	}

}
