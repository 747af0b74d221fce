package dev.supergraph.starter.validation;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The named formats the subgraphs check, and the characters that make a value blank, are
 * those of {@code contract/input-validation-cases.json}, whose cases each subgraph runs
 * over HTTP and the generated clients run too.
 */
class ConstraintContractTests {

	@Test
	void theEmailFormatIsTheContracts() {
		assertThat(Constraint.EMAIL.pattern())
			.isEqualTo(ContractFiles.read("input-validation-cases.json").path("formats").path("email").asString());
	}

	@Test
	void theInvisibleCharactersAreTheContracts() {
		assertThat(Constraint.INVISIBLE)
			.isEqualTo(ContractFiles.read("input-validation-cases.json").path("formats").path("invisible").asString());
	}

}
