package dev.supergraph.schematools.migration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplacementTests {

	@Test
	void theFieldOrTheTypeAndFieldAreRead() {
		assertThat(Replacement.in("Use `available`. Removal after 2030-01-01"))
			.contains(new Replacement(null, "available"));
		assertThat(Replacement.in("Use `Product.available`. Removal after 2030-01-01"))
			.contains(new Replacement("Product", "available"));
	}

	@Test
	void reasonsWithoutTheFormNameNoReplacement() {
		assertThat(Replacement.in("Use sku. Removal after 2030-01-01")).isEmpty();
		assertThat(Replacement.in("Removal after 2030-01-01. Use `sku`.")).isEmpty();
		assertThat(Replacement.in("Use `sku` or `code`. Removal after 2030-01-01")).isEmpty();
		assertThat(Replacement.in(null)).isEmpty();
	}

}
