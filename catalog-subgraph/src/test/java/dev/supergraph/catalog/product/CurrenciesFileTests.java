package dev.supergraph.catalog.product;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code currencies.json}, the currencies a price can be in: each once, as a code of
 * three letters with the minor unit ISO 4217 gives it, and none of those the JDK still
 * lists for old data.
 */
class CurrenciesFileTests {

	@Test
	void listsEachCurrencyOnceWithItsMinorUnit() throws IOException {
		List<String> codes = new ArrayList<>();
		for (JsonNode currency : currencies()) {
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
		currencies().forEach((currency) -> codes.add(currency.path("code").asString()));
		assertThat(codes).doesNotContain("DEM", "FRF", "ESP", "ITL", "NLG", "ATS", "HRK", "BGN", "CUC", "ANG", "SLL",
				"ZWL", "VEF", "MRO", "STD", "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "XXX", "XTS", "XAU",
				"XDR", "XSU", "XUA");
	}

	private static JsonNode currencies() throws IOException {
		try (InputStream in = new ClassPathResource("currencies.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in).path("currencies");
		}
	}

}
