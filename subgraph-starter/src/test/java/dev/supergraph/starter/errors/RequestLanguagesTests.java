package dev.supergraph.starter.errors;

import java.util.Collections;
import java.util.Locale;

import dev.supergraph.starter.contract.ContractFiles;
import dev.supergraph.starter.testsubgraph.TestResponse;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language of a request's messages by the router's rule
 * ({@code contract/accept-language.json}), in every part of a subgraph that writes one: a
 * filter's refusal and an error of the GraphQL execution, over real HTTP to the running
 * test subgraph.
 */
class RequestLanguagesTests {

	private static final JsonNode CONTRACT = ContractFiles.read("accept-language.json");

	private final TestSubgraph subgraph = TestSubgraph.running();

	private final ErrorMessages messages = new ErrorMessages();

	@Test
	void supportsTheContractsLanguages() {
		assertThat(RequestLanguages.SUPPORTED).map(Locale::getLanguage)
			.containsExactlyElementsOf(CONTRACT.path("languages").valueStream().map(JsonNode::asString).toList());
		assertThat(this.messages.get(ErrorCode.UNAUTHENTICATED, Locale.GERMAN))
			.isNotEqualTo(this.messages.get(ErrorCode.UNAUTHENTICATED, Locale.ENGLISH));
	}

	@Test
	void choosesEachCasesLanguage() {
		for (JsonNode entry : CONTRACT.path("cases")) {
			String header = entry.path("header").isNull() ? null : entry.path("header").asString();
			assertThat(RequestLanguages.of(header).getLanguage()).as("Accept-Language: %s", header)
				.isEqualTo(entry.path("language").asString());
		}
	}

	@Test
	void aSupportedLanguageAfterAnUnsupportedOneIsTheLanguageOfEveryMessage() {
		for (String header : new String[] { "fr, de;q=0.9", "de;q=0.8, fr" }) {
			TestResponse executed = this.subgraph.request("{ secret }").header("Accept-Language", header).send();
			assertThat(executed.body().path("errors").path(0).path("message").asString()).as(header)
				.isEqualTo(this.messages.get(ErrorCode.UNAUTHENTICATED, Locale.GERMAN));
			TestResponse refused = this.subgraph.request("{ greeting }")
				.unsigned()
				.header("Accept-Language", header)
				.send();
			assertThat(refused.body().path("errors").path(0).path("message").asString()).as(header)
				.isEqualTo(this.messages.get(ErrorCode.FORBIDDEN, "security.routerOnly", new Object[0], Locale.GERMAN));
		}
		TestResponse english = this.subgraph.request("{ secret }").header("Accept-Language", "fr").send();
		assertThat(english.body().path("errors").path(0).path("message").asString())
			.isEqualTo(this.messages.get(ErrorCode.UNAUTHENTICATED, Locale.ENGLISH));
	}

	@Test
	void aHeaderOfManyRangesIsReadByTheRuleNotRefusedByTheServletContainer() {
		// Tomcat's own parse throws beyond ten ranges, so every request with a longer
		// Accept-Language failed as INTERNAL; a browser with many languages sends one
		String header = "fr, it, es, pt, nl, sv, da, fi, pl, cs, hu, de;q=0.5";
		TestResponse answered = this.subgraph.request("{ greeting }").header("Accept-Language", header).send();
		assertThat(answered.status()).isEqualTo(200);
		assertThat(answered.body().path("errors").isMissingNode()).as(answered.body().toString()).isTrue();
		assertThat(answered.body().path("data").path("greeting").isString()).isTrue();
		TestResponse refused = this.subgraph.request("{ secret }").header("Accept-Language", header).send();
		assertThat(refused.errorCodes()).containsExactly("UNAUTHENTICATED");
		assertThat(refused.body().path("errors").path(0).path("message").asString())
			.isEqualTo(this.messages.get(ErrorCode.UNAUTHENTICATED, Locale.GERMAN));
		String ranges = String.join(", ", Collections.nCopies(500, "x-y;q=0.1"));
		TestResponse many = this.subgraph.request("{ secret }").header("Accept-Language", ranges).send();
		assertThat(many.errorCodes()).containsExactly("UNAUTHENTICATED");
	}

}
