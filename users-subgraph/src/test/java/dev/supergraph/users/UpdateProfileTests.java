package dev.supergraph.users;

import java.util.List;
import java.util.Map;
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
 * {@code updateProfile} over real HTTP: the caller changes their own profile. Test users
 * have ids from 2000 on.
 */
@SubgraphTest
class UpdateProfileTests {

	@LocalServerPort
	int port;

	@Test
	void updateProfileChangesTheCallersNameAndEmailTrimmedAndInLowerCase() {
		String token = registered(2001);
		JsonNode payload = update(token, Map.of("name", " Grace Hopper ", "email", " Grace.Hopper@Example.COM"));
		assertThat(UsersApi.userErrors(payload)).isEmpty();
		JsonNode user = payload.path("user");
		assertThat(user.path("id").asString()).isEqualTo("2001");
		assertThat(user.path("name").asString()).isEqualTo("Grace Hopper");
		assertThat(user.path("email").asString()).isEqualTo("grace.hopper@example.com");
		assertThat(api().me(token).data().path("me")).isEqualTo(user);
	}

	@Test
	void omittedFieldsStayUnchanged() {
		String token = registered(2002);
		JsonNode renamed = update(token, Map.of("name", "Only the name")).path("user");
		assertThat(renamed.path("name").asString()).isEqualTo("Only the name");
		assertThat(renamed.path("email").asString()).isEqualTo("member2002@example.com");
		JsonNode moved = update(token, Map.of("email", "moved2002@example.com")).path("user");
		assertThat(moved.path("name").asString()).isEqualTo("Only the name");
		assertThat(moved.path("email").asString()).isEqualTo("moved2002@example.com");
	}

	@Test
	void emailOfAnotherUserIsTakenWhateverItsCaseAndNothingChanges() {
		String token = registered(2003);
		for (String email : List.of("user8@example.com", "User8@EXAMPLE.com")) {
			JsonNode payload = update(token, Map.of("name", "Changed", "email", email));
			assertThat(UsersApi.userErrors(payload)).containsExactly("EMAIL_TAKEN input.email");
			assertThat(payload.path("user").isNull()).isTrue();
		}
		JsonNode me = api().me(token).data().path("me");
		assertThat(me.path("name").asString()).isEqualTo("Member 2003");
		assertThat(me.path("email").asString()).isEqualTo("member2003@example.com");
	}

	@Test
	void ownEmailInAnotherCaseIsNotTaken() {
		String token = registered(2004);
		JsonNode payload = update(token, Map.of("email", "MEMBER2004@example.com"));
		assertThat(UsersApi.userErrors(payload)).isEmpty();
		assertThat(payload.path("user").path("email").asString()).isEqualTo("member2004@example.com");
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@MethodSource("invalidInputs")
	void invalidInputIsReportedAsUserErrorsWithStableCodes(Map<String, String> input, List<String> expected) {
		String token = TestTokens.forUser("2005");
		api().register(token, "Member 2005", "member2005@example.com");
		JsonNode payload = update(token, input);
		assertThat(UsersApi.userErrors(payload)).containsExactlyElementsOf(expected);
		assertThat(payload.path("user").isNull()).isTrue();
		assertThat(api().me(token).data().path("me").path("name").asString()).isEqualTo("Member 2005");
	}

	static Stream<Arguments> invalidInputs() {
		return Stream.of(Arguments.of(Map.of("name", ""), List.of("INVALID_LENGTH input.name")),
				Arguments.of(Map.of("name", "   "), List.of("INVALID_LENGTH input.name")),
				Arguments.of(Map.of("name", "y".repeat(101)), List.of("INVALID_LENGTH input.name")),
				Arguments.of(Map.of("email", ""), List.of("INVALID_EMAIL input.email")),
				Arguments.of(Map.of("email", "someone@localhost"), List.of("INVALID_EMAIL input.email")),
				Arguments.of(Map.of("email", "a".repeat(250) + "@example.com"),
						List.of("INVALID_EMAIL input.email", "INVALID_LENGTH input.email")),
				Arguments.of(Map.of("name", "", "email", "nope"),
						List.of("INVALID_EMAIL input.email", "INVALID_LENGTH input.name")));
	}

	@Test
	void anUnregisteredCallerHasNoProfileToUpdate() {
		JsonNode payload = update(TestTokens.forUser("2999"), Map.of("name", "Ghost"));
		assertThat(UsersApi.userErrors(payload)).containsExactly("NOT_REGISTERED");
		assertThat(payload.path("user").isNull()).isTrue();
	}

	@Test
	void anonymousCallersCannotUpdateAProfile() {
		Response response = api().updateProfile(null, Map.of("name", "Nobody"));
		assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(response.data().isNull()).isTrue();
	}

	private String registered(int id) {
		String token = TestTokens.forUser(String.valueOf(id));
		JsonNode payload = api().register(token, "Member " + id, "member" + id + "@example.com")
			.data()
			.path("registerUser");
		assertThat(UsersApi.userErrors(payload)).isEmpty();
		return token;
	}

	private JsonNode update(String token, Map<String, ?> input) {
		return api().updateProfile(token, input).data().path("updateProfile");
	}

	private UsersApi api() {
		return UsersApi.forPort(this.port);
	}

}
