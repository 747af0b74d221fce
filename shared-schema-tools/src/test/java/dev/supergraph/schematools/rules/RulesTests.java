package dev.supergraph.schematools.rules;

import java.util.Arrays;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RulesTests {

	@Test
	void everyChangeKindHasExactlyOneRule() {
		assertThat(Rules.all()).extracting(ChangeRule::kind)
			.containsExactlyInAnyOrder(ChangeKind.values())
			.doesNotHaveDuplicates();
	}

	@Test
	void everyRuleGivesAReason() {
		Arrays.stream(ChangeKind.values())
			.forEach((kind) -> assertThat(Rules.classify(Change.changed(kind, "T.f", "Int", "Int")).reason())
				.isNotBlank());
	}

	@ParameterizedTest(name = "output {0} -> {1}: safe={2}")
	@CsvSource({ "String, String!, true", "String!, String, false", "[String], [String!], true",
			"[String]!, [String], false", "[String!]!, [String]!, false", "String, Int, false",
			"[String], String, false", "String, [String], false", "[[Int]], [[Int!]!]!, true" })
	void outputTypesMayOnlyGetStricter(String before, String after, boolean safe) {
		Classification classification = Rules
			.classify(Change.changed(ChangeKind.FIELD_TYPE_CHANGED, "T.f", before, after));
		assertThat(classification.criticality()).isEqualTo(safe ? Criticality.SAFE : Criticality.BREAKING);
	}

	@ParameterizedTest(name = "input {0} -> {1}: safe={2}")
	@CsvSource({ "String!, String, true", "String, String!, false", "[String!]!, [String], true",
			"[String], [String!], false", "ID, String, false", "[ID!], ID, false" })
	void inputTypesMayOnlyGetLooser(String before, String after, boolean safe) {
		Classification argument = Rules
			.classify(Change.changed(ChangeKind.ARGUMENT_TYPE_CHANGED, "T.f(a:)", before, after));
		Classification inputField = Rules
			.classify(Change.changed(ChangeKind.INPUT_FIELD_TYPE_CHANGED, "I.f", before, after));
		Criticality expected = safe ? Criticality.SAFE : Criticality.BREAKING;
		assertThat(argument.criticality()).isEqualTo(expected);
		assertThat(inputField.criticality()).isEqualTo(expected);
	}

}
