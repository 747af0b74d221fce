package dev.supergraph.starter.pagination;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.SubgraphException;
import graphql.execution.ExecutionStepInfo;
import graphql.relay.Connection;
import graphql.relay.Edge;
import graphql.relay.PageInfo;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Connections page by id keysets with the documented sizes (without {@code first}, the
 * field's {@code @listSize(assumedSize: …)}), their cursors survive a round trip through
 * a client, and a bad size, a forged cursor or a cursor of another list is the client's
 * mistake.
 */
class PaginationAutoConfigurationTests {

	private static final String USERS = "Query.users";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaginationAutoConfiguration.class));

	@Test
	void pagesHaveTheDocumentedSizesUnlessConfigured() {
		this.runner.run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			assertThat(pages.request(100, null, USERS).fetchSize()).isEqualTo(101);
			assertThat(pages.request(0, null, USERS).fetchSize()).isEqualTo(1);
			assertRefused(() -> pages.request(101, null, USERS));
			assertRefused(() -> pages.request(-1, null, USERS));
			assertRefused(() -> pages.request(Integer.MIN_VALUE, null, USERS));
		});
		this.runner.withPropertyValues("subgraph.pagination.max-size=7").run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			assertThat(pages.request(7, null, USERS).size()).isEqualTo(7);
			assertRefused(() -> pages.request(8, null, USERS));
		});
	}

	@Test
	void withoutFirstThePageHasTheFieldsAssumedSize() {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
				directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!]) \
				on FIELD_DEFINITION
				type Query {
					users(first: Int, after: String): [String] @listSize(assumedSize: 7, slicingArguments: ["first"])
					undeclared(first: Int, after: String): [String] @listSize(slicingArguments: ["first"])
				}
				"""), RuntimeWiring.MOCKED_WIRING);
		this.runner.run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			Map<String, Object> firstNull = new HashMap<>();
			firstNull.put("first", null);
			assertThat(pages.request(environment(schema, "users", Map.of())).size()).isEqualTo(7);
			assertThat(pages.request(environment(schema, "users", firstNull)).size()).isEqualTo(7);
			assertThat(pages.request(environment(schema, "users", Map.of("first", 3))).size()).isEqualTo(3);
			assertThatIllegalStateException()
				.isThrownBy(() -> pages.request(environment(schema, "undeclared", Map.of())))
				.withMessageContaining("declares no @listSize(assumedSize");
		});
	}

	@Test
	void aConnectionWithoutItsPageSizeStopsTheStartNamingIt() {
		String connection = CONNECTIONS.formatted(
				"""
						users(first: Int, after: String): UserConnection!
							@listSize(assumedSize: 20, slicingArguments: ["first"], requireOneSlicingArgument: false)
						friends(first: Int): UserConnection @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)
						%s""");
		this.runner.withBean(GraphQlSource.class, () -> source(connection.formatted("rivals(first: Int): [User]")))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageStartingWith("Query.friends is paginated but declares no @listSize(assumedSize: …)"));
		this.runner
			.withBean(GraphQlSource.class,
					() -> source(connection
						.replace("@listSize(slicingArguments", "@listSize(assumedSize: 5, slicingArguments")
						.formatted("")))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aConnectionThatRequiresItsOptionalFirstStopsTheStartNamingIt() {
		// requireOneSlicingArgument defaults to true: the field would have to be given
		// first
		String connection = CONNECTIONS.formatted(
				"""
						users(first: Int, after: String): UserConnection! @listSize(assumedSize: 20, slicingArguments: ["first"])
						friends(first: Int): UserConnection
							@listSize(assumedSize: 20, slicingArguments: ["first"], requireOneSlicingArgument: true)
						""");
		this.runner.withBean(GraphQlSource.class, () -> source(connection))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Query.users, Query.friends serve a page without first but its @listSize "
						+ "requires a slicing argument (the spec's default): declare requireOneSlicingArgument: false"));
	}

	private static final String CONNECTIONS = """
			directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], \
			requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
			type Query {
			%s
			}
			type User { id: ID! }
			type UserConnection { edges: [UserEdge!]!  pageInfo: PageInfo! }
			type UserEdge { node: User!  cursor: String! }
			type PageInfo { hasNextPage: Boolean! }
			""";

	private static GraphQlSource source(String sdl) {
		return GraphQlSource
			.builder(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl),
					RuntimeWiring.MOCKED_WIRING))
			.build();
	}

	private static DataFetchingEnvironment environment(GraphQLSchema schema, String field,
			Map<String, Object> arguments) {
		GraphQLFieldDefinition definition = schema.getQueryType().getFieldDefinition(field);
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.graphQLSchema(schema)
			.fieldDefinition(definition)
			.executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
				.type(definition.getType())
				.fieldDefinition(definition)
				.fieldContainer(schema.getQueryType())
				.build())
			.arguments(arguments)
			.build();
	}

	@Test
	void theLastCursorOfAPageContinuesAfterItsLastRow() {
		this.runner.run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			Connection<Long> page = pages.connection(List.of(3L, 8L, 13L), pages.request(2, null, USERS),
					Long::longValue);
			assertThat(page.getEdges()).extracting(Edge::getNode).containsExactly(3L, 8L);
			assertThat(page.getPageInfo().isHasNextPage()).isTrue();
			String cursor = page.getPageInfo().getEndCursor().getValue();
			assertThat(cursor).isEqualTo(base64("Query.users:8"));
			assertThat(pages.request(2, cursor, USERS)).isEqualTo(new PageRequest(2, 8, USERS));
			Connection<Long> last = pages.connection(List.of(13L), pages.request(2, cursor, USERS), Long::longValue);
			assertThat(last.getPageInfo().isHasNextPage()).isFalse();
		});
	}

	@Test
	void anEmptyPageSaysWhetherRowsFollowIt() {
		this.runner.run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			PageInfo beforeRows = pages.connection(List.of(3L), pages.request(0, null, USERS), Long::longValue)
				.getPageInfo();
			assertThat(beforeRows.isHasNextPage()).isTrue();
			assertThat(beforeRows.getStartCursor()).isNull();
			assertThat(beforeRows.getEndCursor()).isNull();
			PageInfo atTheEnd = pages.connection(List.<Long>of(), pages.request(0, null, USERS), Long::longValue)
				.getPageInfo();
			assertThat(atTheEnd.isHasNextPage()).isFalse();
			assertThat(atTheEnd.isHasPreviousPage()).isFalse();
		});
	}

	@Test
	void aForgedOrGarbledCursorIsRefused() {
		this.runner.run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			String valid = base64("Query.users:8");
			assertThat(pages.request(1, valid, USERS).afterId()).isEqualTo(8);
			for (String bad : List.of("", " ", "not base64!", base64(""), base64("junk"), base64("Query.users:-1"),
					base64("Query.users:8; drop table"), base64("Query.users:08"),
					base64("Query.users:12345678901234567890"), base64("Query.users:8 "), valid + "x",
					valid.replace("=", ""), " " + valid, valid.toLowerCase())) {
				assertRefused(() -> pages.request(1, bad, USERS));
			}
		});
	}

	@Test
	void aCursorOfTheEarlierFormatContinuesAnyConnectionAfterItsRow() {
		this.runner.run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			// id:8 as the release before wrote it, before cursors named their connection
			String earlier = "aWQ6OA==";
			String products = CursorScope.of("Query.products", Map.of("filter", Map.of("categoryId", "3")));
			for (String connection : List.of(USERS, products, "Category.products")) {
				assertThat(pages.request(2, earlier, connection)).isEqualTo(new PageRequest(2, 8, connection));
			}
			for (String bad : List.of(earlier.replace("=", ""), base64("id:08"), base64("id:-8"), base64("id: 8"),
					base64("ID:8"), base64("id:8 "), base64("id:"), base64("id:12345678901234567890"),
					base64("id:8:9"))) {
				assertRefused(() -> pages.request(1, bad, USERS));
			}
			// the page after it has cursors of the current format
			assertThat(cursorIn(pages, USERS, 13)).isEqualTo(base64("Query.users:13"));
		});
	}

	@Test
	void aCursorOfAnotherFieldOrOtherArgumentsIsRefused() {
		this.runner.run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			String products = CursorScope.of("Query.products", Map.of("first", 5));
			String inCategory3 = CursorScope.of("Query.products", Map.of("filter", Map.of("categoryId", "3")));
			String inCategory4 = CursorScope.of("Query.products", Map.of("filter", Map.of("categoryId", "4")));
			String cursor = cursorIn(pages, inCategory3, 8);
			assertThat(pages.request(1, cursor, inCategory3).afterId()).isEqualTo(8);
			assertRefused(() -> pages.request(1, cursor, inCategory4));
			assertRefused(() -> pages.request(1, cursor, products));
			assertRefused(() -> pages.request(1, cursor, "Category.products"));
			assertRefused(() -> pages.request(1, cursorIn(pages, USERS, 8), products));
		});
	}

	@Test
	void argumentsThatMeanTheSameKeepTheScope() {
		Map<String, Object> nullFilter = new HashMap<>();
		nullFilter.put("filter", null);
		Map<String, Object> nullField = new HashMap<>();
		nullField.put("categoryId", null);
		assertThat(CursorScope.of("Query.products", Map.of("first", 5, "after", "x"))).isEqualTo("Query.products")
			.isEqualTo(CursorScope.of("Query.products", nullFilter))
			.isEqualTo(CursorScope.of("Query.products", Map.of("filter", nullField)))
			.isEqualTo(CursorScope.of("Query.products", Map.of("filter", Map.of())));
		assertThat(CursorScope.of("Query.products", Map.of("filter", Map.of("search", "a", "inStock", true))))
			.isEqualTo(CursorScope.of("Query.products", Map.of("filter", Map.of("inStock", true, "search", "a"))))
			.isNotEqualTo(CursorScope.of("Query.products", Map.of("filter", Map.of("search", "a"))))
			.isNotEqualTo(CursorScope.of("Query.products", Map.of("filter", Map.of("search", "a;inStock=true"))))
			.matches("Query\\.products/[-_0-9A-Za-z]{8}");
	}

	private static String cursorIn(KeysetPages pages, String connection, long id) {
		return pages.connection(List.of(id), pages.request(1, null, connection), Long::longValue)
			.getPageInfo()
			.getEndCursor()
			.getValue();
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertRefused(Runnable request) {
		assertThatExceptionOfType(SubgraphException.class).isThrownBy(request::run)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ErrorCode.BAD_USER_INPUT));
	}

}
