package dev.supergraph.starter.money;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The currencies in current use: ISO 4217's, each with its minor unit, as
 * {@code currencies.json} next to this class lists them. Every subgraph that takes or
 * charges a price reads them here, so a currency ISO 4217 withdraws leaves all of them
 * with one change to that file. Not the JDK's list, which keeps withdrawn currencies
 * (DEM, HRK) for old data and learns of changes only with a new JDK.
 */
public final class Currencies {

	private static final String FILE = "currencies.json";

	private final Map<String, Integer> minorUnits;

	private Currencies(Map<String, Integer> minorUnits) {
		this.minorUnits = minorUnits;
	}

	/**
	 * The currencies in current use, read from {@code currencies.json}; read once and
	 * keep the result.
	 * @return the currencies
	 * @throws IllegalStateException when the file lists no currency
	 */
	public static Currencies inCurrentUse() {
		try (InputStream in = Currencies.class.getResourceAsStream(FILE)) {
			if (in == null) {
				throw new IllegalStateException("No " + FILE + " next to " + Currencies.class.getName());
			}
			Map<String, Integer> minorUnits = new HashMap<>();
			for (JsonNode currency : JsonMapper.shared().readTree(in).path("currencies")) {
				minorUnits.put(currency.path("code").asString(), currency.path("minorUnit").asInt());
			}
			if (minorUnits.isEmpty()) {
				throw new IllegalStateException(FILE + " lists no currency");
			}
			return new Currencies(Map.copyOf(minorUnits));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + FILE, ex);
		}
	}

	/**
	 * Whether a currency is in current use. A stored price may be in one that is not: it
	 * was in use when the price was set, and ISO 4217 withdrew it since.
	 * @param currency a currency code
	 * @return whether {@code currencies.json} lists it
	 */
	public boolean inUse(String currency) {
		return this.minorUnits.containsKey(currency);
	}

	/**
	 * How many fraction digits an amount in a currency can have.
	 * @param currency a currency code
	 * @return its minor unit, or nothing for a currency not in current use
	 */
	public OptionalInt minorUnit(String currency) {
		Integer minorUnit = this.minorUnits.get(currency);
		return (minorUnit != null) ? OptionalInt.of(minorUnit) : OptionalInt.empty();
	}

}
