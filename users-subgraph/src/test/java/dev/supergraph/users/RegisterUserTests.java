package dev.supergraph.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code registerUser} over real HTTP: the authenticated caller registers their own
 * profile, once, under their token subject. Test users have ids from 1000 on.
 */
@SubgraphTest
class RegisterUserTests {

	@LocalServerPort
	int port;

	@Test
	void registerUserCreatesTheCallersUserWithTrimmedInputAndLowerCaseEmail() {
		Instant before = Instant.now().minusSeconds(1);
		String token = TestTokens.forUser("1001");
		JsonNode payload = api().register(token, "  Ada Lovelace ", " Ada.Lovelace@Example.COM ")
			.data()
			.path("registerUser");
		assertThat(UsersApi.userErrors(payload)).isEmpty();
		JsonNode user = payload.path("user");
		assertThat(user.path("id").asString()).isEqualTo("1001");
		assertThat(user.path("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(user.path("email").asString()).isEqualTo("ada.lovelace@example.com");
		assertThat(Instant.parse(user.path("createdAt").asString())).isBetween(before, Instant.now());
		assertThat(api().me(token).data().path("me")).isEqualTo(user);
	}

	@Test
	void internationalEmailAddressesAreAcceptedAndLowerCased() {
		JsonNode payload = api().register(TestTokens.forUser("1006"), "Jürgen Müller", "Jürgen.MÜLLER@Example.de")
			.data()
			.path("registerUser");
		assertThat(UsersApi.userErrors(payload)).isEmpty();
		assertThat(payload.path("user").path("email").asString()).isEqualTo("jürgen.müller@example.de");
	}

	@Test
	void secondRegistrationOfTheSameSubjectIsAlreadyRegisteredAndChangesNothing() {
		String token = TestTokens.forUser("1002");
		api().register(token, "First", "first1002@example.com");
		JsonNode payload = api().register(token, "Second", "second1002@example.com").data().path("registerUser");
		assertThat(UsersApi.userErrors(payload)).containsExactly("ALREADY_REGISTERED");
		assertThat(payload.path("user").isNull()).isTrue();
		assertThat(api().me(token).data().path("me").path("name").asString()).isEqualTo("First");
	}

	@Test
	void emailOfAnotherUserIsTakenWhateverItsCase() {
		for (String email : List.of("user7@example.com", "USER7@Example.Com")) {
			JsonNode payload = api().register(TestTokens.forUser("1003"), "Copycat", email).data().path("registerUser");
			assertThat(UsersApi.userErrors(payload)).containsExactly("EMAIL_TAKEN input.email");
			assertThat(payload.path("userErrors").get(0).path("message").asString()).contains("user7@example.com");
			assertThat(payload.path("user").isNull()).isTrue();
		}
		assertThat(api().me(TestTokens.forUser("1003")).data().path("me").isNull()).isTrue();
	}

	@Test
	void anEmailIsOneAddressWhateverItsUnicodeNormalForm() {
		String composed = "\u00e9lise.1008@example.com";
		String decomposed = "e\u0301lise.1008@example.com";
		JsonNode first = api().register(TestTokens.forUser("1008"), "Elise", decomposed).data().path("registerUser");
		assertThat(UsersApi.userErrors(first)).isEmpty();
		assertThat(first.path("user").path("email").asString()).isEqualTo(composed);
		for (String email : List.of(composed, decomposed, "E\u0301LISE.1008@example.com")) {
			JsonNode again = api().register(TestTokens.forUser("1009"), "Copy", email).data().path("registerUser");
			assertThat(UsersApi.userErrors(again)).containsExactly("EMAIL_TAKEN input.email");
			JsonNode changed = api().updateProfile(TestTokens.forUser("1"), Map.of("email", email))
				.data()
				.path("updateProfile");
			assertThat(UsersApi.userErrors(changed)).containsExactly("EMAIL_TAKEN input.email");
		}
		assertThat(api().me(TestTokens.forUser("1009")).data().path("me").isNull()).isTrue();
	}

	@ParameterizedTest(name = "[{index}] {1} is {2}, and {3} is its case variant")
	@MethodSource("caseVariants")
	void anEmailIsOneAddressWhateverTheCaseOfEachLetter(String subject, String registered, String stored,
			String variant) {
		JsonNode first = api().register(TestTokens.forUser(subject), "Original", registered)
			.data()
			.path("registerUser");
		assertThat(UsersApi.userErrors(first)).isEmpty();
		assertThat(first.path("user").path("email").asString()).isEqualTo(stored);
		String copycat = String.valueOf(Long.parseLong(subject) + 1);
		JsonNode again = api().register(TestTokens.forUser(copycat), "Copy", variant).data().path("registerUser");
		assertThat(UsersApi.userErrors(again)).containsExactly("EMAIL_TAKEN input.email");
		JsonNode changed = api().updateProfile(TestTokens.forUser("1"), Map.of("email", variant))
			.data()
			.path("updateProfile");
		assertThat(UsersApi.userErrors(changed)).containsExactly("EMAIL_TAKEN input.email");
		assertThat(api().me(TestTokens.forUser(copycat)).data().path("me").isNull()).isTrue();
	}

	/**
	 * Addresses whose upper case is one: lower-casing alone leaves them apart (a final
	 * {@code Σ} is {@code ς}, a typed {@code σ} stays; {@code ſ} is lower case already).
	 */
	static Stream<Arguments> caseVariants() {
		return Stream.of(Arguments.of("1300", "\u03a3\u039f\u03a6\u0399\u0391\u03a3@example.com",
				"\u03c3\u03bf\u03c6\u03b9\u03b1\u03c3@example.com", "\u03a3\u039f\u03a6\u0399\u0391\u03c3@example.com"),
				Arguments.of("1302", "\u03c3\u03bf\u03c6\u03b9\u03b1\u03c2.1302@example.com",
						"\u03c3\u03bf\u03c6\u03b9\u03b1\u03c3.1302@example.com",
						"\u03c3\u03bf\u03c6\u03b9\u03b1\u03c3.1302@example.com"),
				Arguments.of("1304", "SAM.1304@example.com", "sam.1304@example.com", "\u017fam.1304@example.com"),
				Arguments.of("1306", "\u017fara.1306@example.com", "sara.1306@example.com", "SARA.1306@example.com"),
				Arguments.of("1308", "\u00b5-1308@example.com", "\u03bc-1308@example.com", "\u039c-1308@example.com"),
				Arguments.of("1310", "ID.1310@example.com", "id.1310@example.com", "\u0131d.1310@example.com"));
	}

	@ParameterizedTest(name = "[{index}] name=''{0}'' email=''{1}'' -> {2}")
	@MethodSource("invalidInputs")
	void invalidInputIsReportedAsUserErrorsWithStableCodes(String name, String email, List<String> expected) {
		JsonNode payload = api().register(TestTokens.forUser("1004"), name, email).data().path("registerUser");
		assertThat(UsersApi.userErrors(payload)).containsExactlyElementsOf(expected);
		assertThat(payload.path("user").isNull()).isTrue();
		payload.path("userErrors").forEach((error) -> assertThat(error.path("message").asString()).isNotBlank());
	}

	static Stream<Arguments> invalidInputs() {
		String valid = "valid1004@example.com";
		return Stream.of(Arguments.of("", valid, List.of("REQUIRED input.name")),
				Arguments.of("   ", valid, List.of("REQUIRED input.name")),
				Arguments.of("x".repeat(101), valid, List.of("INVALID_LENGTH input.name")),
				Arguments.of("Ann", "", List.of("REQUIRED input.email")),
				Arguments.of("Ann", "  ", List.of("REQUIRED input.email")),
				Arguments.of("Ann", "not-an-email", List.of("INVALID_EMAIL input.email")),
				Arguments.of("Ann", "ann@localhost", List.of("INVALID_EMAIL input.email")),
				Arguments.of("Ann", "ann smith@example.com", List.of("INVALID_EMAIL input.email")),
				Arguments.of("Ann", "ann@@example.com", List.of("INVALID_EMAIL input.email")),
				Arguments.of("Ann", "a".repeat(60) + "@" + "b".repeat(60).concat(".").repeat(4) + "com",
						List.of("INVALID_LENGTH input.email")),
				Arguments.of("", "nope", List.of("INVALID_EMAIL input.email", "REQUIRED input.name")));
	}

	@Test
	void limitsApplyToTheTrimmedInput() {
		String name = "  " + "x".repeat(100) + "  ";
		JsonNode payload = api().register(TestTokens.forUser("1005"), name, "long1005@example.com")
			.data()
			.path("registerUser");
		assertThat(UsersApi.userErrors(payload)).isEmpty();
		assertThat(payload.path("user").path("name").asString()).isEqualTo("x".repeat(100));
	}

	@Test
	void anonymousCallersCannotRegister() {
		Response response = api().register(null, "Nobody", "nobody@example.com");
		assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(response.data().isNull()).isTrue();
	}

	@Test
	void aNonNumericTokenSubjectCannotBeRegistered() {
		JsonNode payload = api().register(TestTokens.forUser("auth0|abc"), "Ext", "ext@example.com")
			.data()
			.path("registerUser");
		assertThat(UsersApi.userErrors(payload)).containsExactly("UNSUPPORTED_SUBJECT");
	}

	@Test
	void aSubjectWithALeadingZeroIsNotTheUserOfItsNumber() {
		api().register(TestTokens.forUser("1007"), "Owner", "owner1007@example.com");
		for (String subject : List.of("01007", "0001007")) {
			String token = TestTokens.forUser(subject);
			assertThat(api().me(token).data().path("me").isNull()).isTrue();
			JsonNode changed = api().updateProfile(token, Map.of("name", "Impostor")).data().path("updateProfile");
			assertThat(UsersApi.userErrors(changed)).containsExactly("NOT_REGISTERED");
			JsonNode registered = api().register(token, "Impostor", subject + "@example.com")
				.data()
				.path("registerUser");
			assertThat(UsersApi.userErrors(registered)).containsExactly("UNSUPPORTED_SUBJECT");
		}
		assertThat(api().me(TestTokens.forUser("1007")).data().path("me").path("name").asString()).isEqualTo("Owner");
	}

	@Test
	void concurrentRegistrationsWithOneEmailCreateExactlyOneUser() throws Exception {
		List<JsonNode> payloads = concurrently(8,
				(n) -> api().register(TestTokens.forUser(String.valueOf(1100 + n)), "Racer " + n, "race@example.com"));
		assertThat(payloads.stream().filter((payload) -> payload.path("user").isObject())).hasSize(1);
		assertThat(payloads.stream().flatMap((payload) -> UsersApi.userErrors(payload).stream()))
			.containsOnly("EMAIL_TAKEN input.email")
			.hasSize(7);
	}

	@Test
	void concurrentRegistrationsOfOneSubjectCreateExactlyOneUser() throws Exception {
		String token = TestTokens.forUser("1200");
		List<JsonNode> payloads = concurrently(8,
				(n) -> api().register(token, "Twin " + n, "twin" + n + "@example.com"));
		assertThat(payloads.stream().filter((payload) -> payload.path("user").isObject())).hasSize(1);
		assertThat(payloads.stream().flatMap((payload) -> UsersApi.userErrors(payload).stream()))
			.containsOnly("ALREADY_REGISTERED")
			.hasSize(7);
	}

	private List<JsonNode> concurrently(int count, IntFunction<Response> call) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(count);
		try {
			List<Callable<JsonNode>> calls = IntStream.range(0, count)
				.<Callable<JsonNode>>mapToObj((n) -> () -> call.apply(n).data().path("registerUser"))
				.toList();
			List<JsonNode> payloads = new ArrayList<>();
			for (Future<JsonNode> future : executor.invokeAll(calls)) {
				payloads.add(future.get());
			}
			return payloads;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private UsersApi api() {
		return UsersApi.forPort(this.port);
	}

}
