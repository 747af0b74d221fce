package dev.supergraph.schematools;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.language.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DocumentParserTests {

	@Test
	void eachOperationAndFragmentOfAFileHasTheTokensOfOneRequest() {
		// 4 + 3 x 4,990 = 14,974 tokens each, so the file has three times graphql-java's
		// bound for one request
		String file = "query A { " + selections(4_990) + " }\nfragment B on Product { " + selections(4_990) + " }\n{ "
				+ selections(4_990) + " }\n";
		Document document = DocumentParser.operations(file, "Big.graphql");
		assertThat(document.getDefinitions()).hasSize(3);
	}

	@Test
	void anOperationPastTheBoundFailsThoughItsDefaultValuesCloseBraces() {
		// 15,004 tokens, of which 14,991 follow the brace that closes the default value:
		// that brace is inside the parentheses, the operation goes on
		String file = "query A($filter: ProductFilter = {search: \"x\"}) { " + selections(4_996) + " }\n";
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> DocumentParser.operations(file, "Big.graphql"))
			.withMessageStartingWith(
					"invalid operation in Big.graphql: the definition that starts at line 1 has more than 15000 tokens");
	}

	@Test
	void aSchemaHasNoTokenBound() {
		String sdl = "type Query { "
				+ IntStream.range(0, 10_000).mapToObj((i) -> "f" + i + ": Int").collect(Collectors.joining(" ")) + " }";
		assertThat(DocumentParser.sdl(sdl, "big.graphql").getDefinitions()).hasSize(1);
	}

	/** Aliased selections of three tokens each. */
	private static String selections(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "a" + i + ": id").collect(Collectors.joining(" "));
	}

}
