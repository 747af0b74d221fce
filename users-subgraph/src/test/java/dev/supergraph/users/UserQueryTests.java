package dev.supergraph.users;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users' read API against the seeded users (user {@code n} is named {@code User n},
 * has the email {@code usern@example.com} and registered {@code n} hours after
 * 2025-01-01T00:00:00Z).
 */
@SubgraphTest
class UserQueryTests {

	@Autowired
	GraphQlTester graphQl;

	@Test
	void usersPageListsSeededUsersInIdOrderWithTheirRegistrationTime() {
		this.graphQl.documentName("userPage")
			.variable("first", 2)
			.execute()
			.path("users.edges[*].node")
			.entityList(Map.class)
			.containsExactly(Map.of("id", "1", "name", "User 1", "createdAt", "2025-01-01T01:00:00Z"),
					Map.of("id", "2", "name", "User 2", "createdAt", "2025-01-01T02:00:00Z"))
			.path("users.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void usersPageHasTwentyUsersByDefault() {
		this.graphQl.documentName("userPage")
			.execute()
			.path("users.edges[*].node.id")
			.entityList(String.class)
			.hasSize(20)
			.contains("1", "20");
	}

	@Test
	void afterCursorContinuesWhereThePreviousPageEnded() {
		String endCursor = this.graphQl.documentName("userPage")
			.variable("first", 3)
			.execute()
			.path("users.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.graphQl.documentName("userPage")
			.variable("first", 2)
			.variable("after", endCursor)
			.execute()
			.path("users.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("4", "5");
	}

	@Test
	void aCursorTheReleaseBeforeIssuedContinuesAfterItsUser() {
		// id:3 as the release before wrote it, before cursors named their list
		this.graphQl.documentName("userPage")
			.variable("first", 2)
			.variable("after", "aWQ6Mw==")
			.execute()
			.path("users.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("4", "5")
			.path("users.pageInfo.endCursor")
			.entity(String.class)
			.isEqualTo(base64("Query.users:5"));
	}

	@Test
	void firstZeroHasNoEdgesButSaysThatUsersFollow() {
		this.graphQl.document("{ users(first: 0) { edges { cursor } pageInfo { hasNextPage startCursor endCursor } } }")
			.execute()
			.path("users.edges")
			.entityList(Object.class)
			.hasSize(0)
			.path("users.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("users.pageInfo.startCursor")
			.valueIsNull()
			.path("users.pageInfo.endCursor")
			.valueIsNull();
	}

	@Test
	void userByIdFindsTheUserAndAnUnknownIdIsNull() {
		this.graphQl.document("{ a: user(id: \"42\") { id name createdAt } b: user(id: \"999999\") { id } }")
			.execute()
			.path("a")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "42", "name", "User 42", "createdAt", "2025-01-02T18:00:00Z"))
			.path("b")
			.valueIsNull();
	}

	@Test
	void entitiesResolveInOrderWithStandInsForUnknownIdsAndAnErrorForMalformedOnes() {
		List<Map<String, Object>> representations = List.of(Map.of("__typename", "User", "id", "3"),
				Map.of("__typename", "User", "id", "424242"), Map.of("__typename", "User", "id", "x1"),
				Map.of("__typename", "User", "id", "500"), Map.of("__typename", "User", "id", "3"));
		this.graphQl.documentName("userEntities")
			.variable("representations", representations)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getPath()).isEqualTo("_entities[2]");
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT")
					.containsEntry("field", List.of("representations", "2", "id"));
			})
			.path("_entities[*].id")
			.entityList(String.class)
			.containsExactly("3", "424242", "500", "3")
			.path("_entities[1]")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "424242", "name", "Unknown user", "createdAt", "1970-01-01T00:00:00Z"))
			.path("_entities[2]")
			.valueIsNull()
			.path("_entities[3].name")
			.entity(String.class)
			.isEqualTo("User 500");
	}

	@Test
	void badPaginationArgumentsAndMalformedIdsAreBadUserInput() {
		for (String document : List.of("{ users(first: 101) { edges { cursor } } }",
				"{ users(first: -1) { edges { cursor } } }",
				"{ users(after: \"bm90LWEtY3Vyc29y\") { edges { cursor } } }",
				"{ users(after: \"%%%\") { edges { cursor } } }",
				// the cursor of another list, and one of the earlier format that its
				// release never wrote (a leading zero)
				"{ users(after: \"" + base64("Query.products:4") + "\") { edges { cursor } } }",
				"{ users(after: \"" + base64("id:04") + "\") { edges { cursor } } }", "{ user(id: \"abc\") { id } }",
				"{ user(id: \"-1\") { id } }")) {
			this.graphQl.document(document).execute().errors().satisfy((errors) -> {
				assertThat(errors).as(document).hasSize(1);
				assertThat(errors.get(0).getExtensions()).as(document).containsEntry("code", "BAD_USER_INPUT");
				assertThat(errors.get(0).getMessage()).doesNotContain("Exception").doesNotContain("at dev.");
			});
		}
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
