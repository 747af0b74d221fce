package dev.supergraph.starter.test;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message of the starter is translated, and the check finds what a translation
 * lacks.
 */
class MessageBundlesTests {

	@Test
	void everyStarterMessageHasAGermanTranslation() {
		assertThat(MessageBundles.untranslated("subgraph-errors", Locale.GERMAN)).isEmpty();
	}

	@Test
	void missingExtraAndInconsistentTranslationsAreFound() {
		assertThat(MessageBundles.untranslated("fixture-messages", Locale.GERMAN)).containsExactly(
				"fixture-messages_de.properties: missing greeting.missing",
				"fixture-messages_de.properties: greeting.wrongArgument does not use [0]",
				"fixture-messages_de.properties: greeting.extra is not in fixture-messages.properties");
	}

}
