package dev.supergraph.starter.money;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code currencies.json}, the currencies a price can be in: each once, as a code of
 * three letters with the minor unit ISO 4217 gives it, and none of those the JDK still
 * lists for old data; {@link Currencies} knows exactly these.
 */
class CurrenciesTests {

	private final Currencies currencies = Currencies.inCurrentUse();

	@Test
	void listsEachCurrencyOnceWithItsMinorUnit() throws IOException {
		List<String> codes = new ArrayList<>();
		for (JsonNode currency : listed()) {
			String code = currency.path("code").asString();
			codes.add(code);
			assertThat(code).matches("[A-Z]{3}");
			assertThat(currency.path("minorUnit").isInt()).as(code).isTrue();
			assertThat(currency.path("minorUnit").asInt()).as(code)
				.isEqualTo(Currency.getInstance(code).getDefaultFractionDigits());
			assertThat(currency.path("name").asString()).as(code).isNotBlank();
		}
		assertThat(codes).doesNotHaveDuplicates().isSorted().contains("EUR", "USD", "JPY", "KWD", "XCG", "ZWG");
	}

	@Test
	void leavesOutWithdrawnCurrenciesFundsAndCodesWithoutAMinorUnit() throws IOException {
		List<String> codes = new ArrayList<>();
		listed().forEach((currency) -> codes.add(currency.path("code").asString()));
		assertThat(codes).doesNotContain("DEM", "FRF", "ESP", "ITL", "NLG", "ATS", "HRK", "BGN", "CUC", "ANG", "SLL",
				"ZWL", "VEF", "MRO", "STD", "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "XXX", "XTS", "XAU",
				"XDR", "XSU", "XUA");
	}

	@Test
	void knowsEveryListedCurrencyWithItsMinorUnitAndNoOther() throws IOException {
		for (JsonNode currency : listed()) {
			String code = currency.path("code").asString();
			assertThat(this.currencies.inUse(code)).as(code).isTrue();
			assertThat(this.currencies.minorUnit(code)).as(code).hasValue(currency.path("minorUnit").asInt());
		}
		for (String code : List.of("DEM", "BGN", "HRK", "USN", "XXX", "XAU", "eur", "", "EURO")) {
			assertThat(this.currencies.inUse(code)).as(code).isFalse();
			assertThat(this.currencies.minorUnit(code)).as(code).isEqualTo(OptionalInt.empty());
		}
	}

	private static JsonNode listed() throws IOException {
		try (InputStream in = Currencies.class.getResourceAsStream("currencies.json")) {
			return JsonMapper.builder().build().readTree(in).path("currencies");
		}
	}

}
