package dev.supergraph.starter.test.release;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the migration lint calls a contraction, and what it lets through as an expansion.
 */
class MigrationLintTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					DROP TABLE product;                                              | drops a table, view, type or sequence
					alter table product drop column in_stock;                        | drops a column
					ALTER TABLE product DROP in_stock;                               | drops a column
					ALTER TABLE product RENAME COLUMN name TO title;                 | renames
					ALTER TABLE product ALTER COLUMN sku TYPE VARCHAR(64);           | changes a column's type
					ALTER TABLE product ALTER COLUMN sku SET DATA TYPE TEXT;         | changes a column's type
					ALTER TABLE product ALTER COLUMN description SET NOT NULL;       | makes a column NOT NULL
					ALTER TABLE product ALTER COLUMN version DROP DEFAULT;           | drops a column default
					ALTER TABLE product ADD COLUMN code VARCHAR(10) NOT NULL;        | adds a NOT NULL column without a default
					ALTER TABLE product ADD COLUMN a INT, ADD b NUMERIC(12, 2) NOT NULL; | adds a NOT NULL column without a default
					""")
	void contractions(String sql, String finding) {
		assertThat(MigrationLint.contractions(sql)).containsExactly(finding);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE TABLE stock (id BIGINT NOT NULL PRIMARY KEY, quantity INT NOT NULL);",
			"ALTER TABLE product ADD COLUMN weight NUMERIC(12, 2) NOT NULL DEFAULT 0;",
			"ALTER TABLE product ADD COLUMN id2 BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY;",
			"ALTER TABLE product ADD COLUMN note VARCHAR(100), ADD CONSTRAINT note_short CHECK (length(note) < 90);",
			"ALTER TABLE product DROP CONSTRAINT product_sku_unique;",
			"ALTER TABLE product ALTER COLUMN description DROP NOT NULL;",
			"CREATE INDEX product_name_idx ON product (name);",
			"-- a later release will DROP COLUMN in_stock\nALTER TABLE product ADD COLUMN address VARCHAR(10);",
			"/* DROP TABLE product; */ SELECT 1;" })
	void expansions(String sql) {
		assertThat(MigrationLint.contractions(sql)).isEmpty();
	}

}
