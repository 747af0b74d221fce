package dev.supergraph.starter.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money as a decimal string with two fraction digits ({@code "12.50"}) and
 * an ISO 4217 currency. Never a floating point number.
 *
 * @param amount the decimal amount
 * @param currency the currency code
 */
public record Money(String amount, String currency) {

	/**
	 * Money from an exact decimal.
	 * @param amount the amount, rounded half-even to cents
	 * @param currency the currency code
	 * @return the money value
	 */
	public static Money of(BigDecimal amount, String currency) {
		return new Money(amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), currency);
	}

	public BigDecimal decimal() {
		return new BigDecimal(this.amount);
	}

}
