package dev.supergraph.catalog.product;

import dev.supergraph.starter.money.Money;

/**
 * A price as a client sends it, trimmed; its rules are the schema's {@code @constraint}s.
 *
 * @param amount a non-negative decimal with at most two fraction digits
 * @param currency an ISO 4217 code; {@link PriceRules} checks that it names a currency in
 * current use
 */
record MoneyInput(String amount, String currency) {

	MoneyInput {
		amount = (amount != null) ? amount.strip() : null;
		currency = (currency != null) ? currency.strip() : null;
	}

	Money toMoney() {
		return Money.of(new java.math.BigDecimal(this.amount), this.currency);
	}

}
