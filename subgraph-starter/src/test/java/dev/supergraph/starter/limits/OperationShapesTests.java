package dev.supergraph.starter.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting the shape of documents as they arrive, before validation.
 */
class OperationShapesTests {

	@Test
	void routerEntityFetchIsOneRootFieldWithoutAliases() {
		String plan = "query($representations: [_Any!]!) { _entities(representations: $representations) "
				+ "{ __typename ... on Product { id name price { amount currency } category { id } } } }";
		assertThat(shape(plan)).isEqualTo(new OperationShape(0, 1, 0));
	}

	@Test
	void batchedRouterFetchesCountEachAliasedRootField() {
		String plan = "query($_0_r: [_Any!]!, $_1_r: [_Any!]!) { _0__entities: _entities(representations: $_0_r) "
				+ "{ ... on User { id name } } _1__entities: _entities(representations: $_1_r) { ... on User { email } } }";
		assertThat(shape(plan)).isEqualTo(new OperationShape(2, 2, 0));
	}

	@Test
	void aliasesAreCountedAtEveryLevel() {
		assertThat(shape("{ a: products(first: 1) { b: edges { c: node { d: id e: sku } } } }").aliases()).isEqualTo(5);
	}

	@Test
	void fragmentsCountOncePerSpread() {
		String document = "{ ...Root ...Root p: product(id: 1) { ...Ids } } "
				+ "fragment Root on Query { a: categories { ...Ids } b: categories { id } } "
				+ "fragment Ids on Product { x: id y: sku }";
		assertThat(shape(document)).isEqualTo(new OperationShape(11, 5, 0));
	}

	@Test
	void inlineFragmentsAtTheRootAddTheirFields() {
		assertThat(shape("{ categories { id } ... on Query { a: categories { id } b: products { id } } }"))
			.isEqualTo(new OperationShape(2, 3, 0));
	}

	@Test
	void directivesAreTheMostOnOneSelection() {
		String document = "{ a @include(if: true) @skip(if: false) ...F @include(if: true) @include(if: true) "
				+ "@include(if: true) } fragment F on Query { b " + "@skip(if: false) ".repeat(5) + "}";
		assertThat(shape(document).directives()).isEqualTo(5);
		assertThat(shape("{ a " + "@include(if: true) ".repeat(300) + "}").directives()).isEqualTo(300);
	}

	@Test
	void theLargestOperationOfADocumentCounts() {
		assertThat(shape("query A { a b c } query B { x: a }")).isEqualTo(new OperationShape(1, 3, 0));
	}

	@Test
	void circularAndUnknownFragmentsEndTheWalk() {
		String document = "{ ...A ...Missing } fragment A on Query { x: a ...B } fragment B on Query { y: b ...A }";
		assertThat(shape(document)).isEqualTo(new OperationShape(2, 2, 0));
	}

	@Test
	void nestedSpreadsAreMeasuredOnceAndSaturateInsteadOfOverflowing() {
		// F0 has one alias; each Fn spreads Fn-1 twice: 2^200 aliases, measured in linear
		// time
		String fragments = IntStream.rangeClosed(1, 200)
			.mapToObj((n) -> "fragment F" + n + " on Query { ...F" + (n - 1) + " ...F" + (n - 1) + " }")
			.collect(Collectors.joining(" "));
		String document = "{ ...F200 } fragment F0 on Query { a: __typename } " + fragments;
		assertThat(shape(document).aliases()).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void theLongestFragmentChainTheTokenLimitAllowsNeedsLittleStack() throws InterruptedException {
		// 5000 tokens allow ~700 chained fragments; the subgraphs run with -Xss512k
		String chain = IntStream.rangeClosed(1, 800)
			.mapToObj((n) -> "fragment F" + n + " on Query { ...F" + (n - 1) + " }")
			.collect(Collectors.joining(" "));
		String document = "{ ...F800 } fragment F0 on Query { a: __typename } " + chain;
		assertThat(shapeOnASmallStack(document)).isEqualTo(new OperationShape(1, 1, 0));
	}

	@Test
	void theDeepestNestingTheParserAllowsNeedsLittleStack() throws InterruptedException {
		String document = "{ a ".repeat(160) + "{ b: c }" + " }".repeat(160);
		assertThat(shapeOnASmallStack(document)).isEqualTo(new OperationShape(1, 1, 0));
	}

	private static OperationShape shapeOnASmallStack(String document) throws InterruptedException {
		Parser parser = new Parser();
		OperationShape[] measured = new OperationShape[1];
		Document parsed = parser.parseDocument(document);
		Thread thread = new Thread(null, () -> measured[0] = OperationShapes.largest(parsed), "small-stack",
				256 * 1024);
		thread.start();
		thread.join();
		return measured[0];
	}

	@Test
	void referenceOperationsStayFarBelowTheDefaultLimits() throws IOException {
		LimitsProperties defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("subgraph.limits",
				LimitsProperties.class);
		List<Path> operations;
		try (Stream<Path> files = Files.list(Path.of("../gateway-config/operations"))) {
			operations = files.filter((file) -> file.toString().endsWith(".graphql")).toList();
		}
		assertThat(operations).hasSizeGreaterThanOrEqualTo(6);
		for (Path operation : operations) {
			OperationShape shape = shape(Files.readString(operation));
			assertThat(shape.aliases() * 10).as(operation.toString()).isLessThanOrEqualTo(defaults.maxAliases());
			assertThat(shape.rootFields() * 10).as(operation.toString()).isLessThanOrEqualTo(defaults.maxRootFields());
			assertThat(shape.directives() * 5).as(operation.toString())
				.isLessThanOrEqualTo(defaults.maxDirectivesPerField());
		}
	}

	private static OperationShape shape(String document) {
		return OperationShapes.largest(Parser.parse(document));
	}

}
