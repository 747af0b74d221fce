package dev.supergraph.inventory;

import java.util.Locale;

import dev.supergraph.starter.test.MessageBundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message of the inventory subgraph is translated.
 */
class MessagesTests {

	@Test
	void everyMessageHasAGermanTranslation() {
		assertThat(MessageBundles.untranslated("errors", Locale.GERMAN)).isEmpty();
	}

}
