package dev.supergraph.orders.shipping;

import java.math.BigDecimal;

import dev.supergraph.starter.money.Money;

/**
 * The standard shipping rate of one unit: {@value #BASE_CENTS} euro cents plus
 * {@value #CENTS_PER_STEP} cents per started {@value #STEP_GRAMS} g, so 0 g costs 4.90
 * EUR, 1-500 g 5.40 EUR, 501-1000 g 5.90 EUR. A pure function of the weight: no SQL.
 */
final class ShippingRate {

	static final int BASE_CENTS = 490;

	static final int CENTS_PER_STEP = 50;

	static final int STEP_GRAMS = 500;

	private ShippingRate() {
	}

	static Money estimate(int weightGrams) {
		if (weightGrams < 0) {
			throw new IllegalArgumentException("Negative weight");
		}
		long startedSteps = (weightGrams + (long) STEP_GRAMS - 1) / STEP_GRAMS;
		long cents = BASE_CENTS + startedSteps * CENTS_PER_STEP;
		return Money.of(BigDecimal.valueOf(cents, 2), "EUR");
	}

}
