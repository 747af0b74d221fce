package dev.supergraph.starter.security;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BearerTokens} reads every {@code Authorization} header as Spring Security's
 * default resolver does: the same token, nothing, or the same error; and as the router
 * does ({@code contract/authorization-headers.json}).
 */
class BearerTokensTests {

	private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI3In0.c2lnbmF0dXJl-_~+/";

	@Test
	void everyHeaderResolvesAsWithSpringSecuritysDefault() {
		List<String> headers = Arrays.asList(null, "", "Bearer", "Bearer ", "bearer", "Bearer " + TOKEN,
				"bearer " + TOKEN, "BEARER " + TOKEN, "BeArEr " + TOKEN, "Bearer " + TOKEN + "==",
				"Bearer " + TOKEN + "=a", "Bearer =", "Bearer  " + TOKEN, "Bearer\t" + TOKEN, "Bearer " + TOKEN + " ",
				"Bearer " + TOKEN + "\n", "Bearer a b", "Bearer a\u0085b", "Bearer ab\u00e9", "Bearer a,b",
				"Bearer a%2Fb", "Bearerabc", "Bearerx abc", "Basic dXNlcjpwYXNz", "Token abc", "bearer\u0130 abc",
				"\u0432earer abc", " Bearer abc");
		BearerTokenResolver spring = new DefaultBearerTokenResolver();
		BearerTokenResolver ours = new BearerTokens();
		for (String header : headers) {
			assertThat(outcome(ours, header)).as("Authorization: %s", header).isEqualTo(outcome(spring, header));
		}
		assertThat(outcome(ours, "Bearer " + TOKEN)).isEqualTo("token " + TOKEN);
		assertThat(outcome(ours, "Bearer a b")).startsWith("refused");
		assertThat(outcome(ours, null)).isEqualTo("none");
	}

	@Test
	void everyContractHeaderResolvesAsTheRouterReadsIt() {
		BearerTokenResolver ours = new BearerTokens();
		for (JsonNode entry : ContractFiles.read("authorization-headers.json").path("cases")) {
			String header = entry.path("header").asString();
			String expected = switch (entry.path("outcome").asString("token")) {
				case "token" -> "token " + entry.path("token").asString();
				case "malformed" -> "refused invalid_token Bearer token is malformed";
				default -> "none";
			};
			assertThat(outcome(ours, header)).as("Authorization: %s", header).isEqualTo(expected);
		}
	}

	private static String outcome(BearerTokenResolver resolver, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		try {
			String token = resolver.resolve(request);
			return Objects.isNull(token) ? "none" : "token " + token;
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused " + ex.getError().getErrorCode() + " " + ex.getError().getDescription();
		}
	}

}
