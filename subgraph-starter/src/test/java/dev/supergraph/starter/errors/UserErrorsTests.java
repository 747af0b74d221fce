package dev.supergraph.starter.errors;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user error carries its message in the caller's language and its field as a path below
 * {@code input}.
 */
class UserErrorsTests {

	private final UserErrors userErrors = new UserErrors(new ErrorMessages());

	@Test
	void aFieldsErrorIsLocalisedAndPointsBelowInput() {
		assertThat(this.userErrors.of("GONE", "error.NOT_FOUND", "x", Locale.GERMAN, "items", 2, "productId"))
			.isEqualTo(new UserError("GONE", "Nicht gefunden.", List.of("input", "items", "2", "productId")));
	}

	@Test
	void aCallersErrorHasNoField() {
		assertThat(this.userErrors.of("GONE", "error.NOT_FOUND", "x", Locale.ENGLISH))
			.isEqualTo(new UserError("GONE", "Not found.", null));
	}

	@Test
	void anIdInTheMessageIsQuotedAsSentWithoutDigitGrouping() {
		assertThat(this.userErrors.of("BAD", "input.invalidId", 1234567890L, Locale.ENGLISH).message())
			.isEqualTo("Malformed id: 1234567890");
		assertThat(this.userErrors.of("BAD", "input.invalidId", 1234567890L, Locale.GERMAN).message())
			.isEqualTo("Ungültige ID: 1234567890");
	}

}
