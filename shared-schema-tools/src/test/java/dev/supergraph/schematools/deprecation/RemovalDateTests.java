package dev.supergraph.schematools.deprecation;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RemovalDateTests {

	@Test
	void readsTheDateFromTheDocumentedFormat() {
		assertThat(RemovalDate.parse("Use sku. Removal after 2027-03-01")).contains(LocalDate.of(2027, 3, 1));
		assertThat(RemovalDate.parse("removal after 2027-03-01, see #12")).contains(LocalDate.of(2027, 3, 1));
	}

	@Test
	void reasonsWithoutAValidDateHaveNone() {
		assertThat(RemovalDate.parse("Use sku.")).isEmpty();
		assertThat(RemovalDate.parse("No longer supported")).isEmpty();
		assertThat(RemovalDate.parse("Removal after 2027-02-30")).isEmpty();
		assertThat(RemovalDate.parse("Removal on 2027-03-01")).isEmpty();
		assertThat(RemovalDate.parse(null)).isEmpty();
	}

	@Test
	void anElementMayGoFromTheDayAfterItsDate() {
		LocalDate date = LocalDate.of(2027, 3, 1);
		assertThat(RemovalDate.isRemovable(date, LocalDate.of(2027, 2, 28))).isFalse();
		assertThat(RemovalDate.isRemovable(date, date)).isFalse();
		assertThat(RemovalDate.isRemovable(date, LocalDate.of(2027, 3, 2))).isTrue();
	}

}
