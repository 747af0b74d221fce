package dev.supergraph.catalog.product;

import dev.supergraph.starter.money.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A price as a client sends it.
 *
 * @param amount a non-negative decimal with at most two fraction digits
 * @param currency an ISO 4217 code
 */
record MoneyInput(
		@NotNull @Pattern(regexp = "(0|[1-9][0-9]{0,9})(\\.[0-9]{1,2})?",
				message = "{catalog.validation.amount}") String amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "{catalog.validation.currency}") String currency) {

	Money toMoney() {
		return Money.of(new java.math.BigDecimal(this.amount), this.currency);
	}

}
