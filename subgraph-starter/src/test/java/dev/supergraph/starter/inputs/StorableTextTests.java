package dev.supergraph.starter.inputs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which text a subgraph accepts in its string inputs.
 */
class StorableTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "SKU-00001", "Zoë Müller", "tab\tline\nbreak\r\n", "emoji \ud83d\ude00 pair",
			"\ud83d\ude00", "DEL \u007f and C1 \u0085 are data", "\ufffe\uffff", "' OR 1=1 --" })
	void textPostgresqlStoresAsSentIsAccepted(String text) {
		assertThat(StorableText.isStorable(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "a\u0000b", "\u0001", "\u0007bell", "\u001b[2J", "\u001f", "\u000b", "\u000c",
			"\ud800", "a\ud800", "\ud800b", "\udc00", "\udc00\ud800", "\ud83d\ud83d\ude00\ude00",
			"pair \ud83d\ude00 then lone \ud83d" })
	void nulOtherControlsAndUnpairedSurrogatesAreRefused(String text) {
		assertThat(StorableText.isStorable(text)).isFalse();
	}

}
