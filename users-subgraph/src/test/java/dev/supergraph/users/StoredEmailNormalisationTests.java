package dev.supergraph.users;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.supergraph.starter.test.TestDatabases;
import dev.supergraph.starter.test.TestDatabases.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses stored before the subgraph wrote them in Unicode normal form C, or before it
 * folded the case variants of a letter, are rewritten in the subgraph's form by the
 * migrations, on real PostgreSQL, except where that would make two accounts of one
 * address.
 */
class StoredEmailNormalisationTests {

	private static final String COMPOSED = "jos\u00e9@example.com";

	@Test
	void theMigrationRewritesOldAddressesInNormalFormCUnlessTwoAccountsWouldShareOne() throws SQLException {
		TestDatabase database = TestDatabases.forName("email_normal_form");
		migrate(database, "1");
		Map<Long, String> stored = new LinkedHashMap<>();
		stored.put(1L, "jose\u0301@example.com");
		// one account in each form: both stay, for an operator to merge
		stored.put(2L, "rene\u0301@example.com");
		stored.put(3L, "ren\u00e9@example.com");
		// two unnormalised forms of one address (marks out of and in canonical order)
		stored.put(4L, "a\u0307\u0323@example.com");
		stored.put(5L, "a\u0323\u0307@example.com");
		stored.put(6L, "plain@example.com");
		insert(database, stored);

		migrate(database, "2");

		Map<Long, String> expected = new LinkedHashMap<>(stored);
		expected.put(1L, COMPOSED);
		assertThat(emails(database)).isEqualTo(expected);
	}

	@Test
	void theMigrationFoldsCaseVariantsOfALetterUnlessTwoAccountsWouldShareOneAddress() throws SQLException {
		TestDatabase database = TestDatabases.forName("email_case_folding");
		migrate(database, "2");
		Map<Long, String> stored = new LinkedHashMap<>();
		// ΣΟΦΙΑΣ as lower-casing stored it (σοφιας), a final sigma after a composed
		// letter,
		// the long s and the micro sign
		stored.put(1L, "\u03c3\u03bf\u03c6\u03b9\u03b1\u03c2@example.com");
		stored.put(2L, "\u03ac\u03c2@example.com");
		stored.put(3L, "\u017fam@example.com");
		stored.put(4L, "\u00b5@example.com");
		// the folded form another account has: both stay, for an operator to merge
		stored.put(5L, "\u0131d@example.com");
		stored.put(6L, "id@example.com");
		// two accounts whose addresses fold into one (ςς and ςσ): both stay
		stored.put(7L, "\u03c2\u03c2@example.com");
		stored.put(8L, "\u03c2\u03c3@example.com");
		stored.put(9L, "plain@example.com");
		insert(database, stored);

		migrate(database, "latest");

		Map<Long, String> expected = new LinkedHashMap<>(stored);
		expected.put(1L, "\u03c3\u03bf\u03c6\u03b9\u03b1\u03c3@example.com");
		expected.put(2L, "\u03ac\u03c3@example.com");
		expected.put(3L, "sam@example.com");
		expected.put(4L, "\u03bc@example.com");
		assertThat(emails(database)).isEqualTo(expected);
	}

	private static void insert(TestDatabase database, Map<Long, String> emails) throws SQLException {
		try (Connection connection = connect(database);
				PreparedStatement insert = connection.prepareStatement(
						"insert into users (id, name, email, created_at) values (?, 'Old account', ?, now())")) {
			for (Map.Entry<Long, String> user : emails.entrySet()) {
				insert.setLong(1, user.getKey());
				insert.setString(2, user.getValue());
				insert.executeUpdate();
			}
		}
	}

	private static void migrate(TestDatabase database, String target) {
		Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("classpath:db/users")
			.target(target)
			.load()
			.migrate();
	}

	private static Map<Long, String> emails(TestDatabase database) throws SQLException {
		Map<Long, String> emails = new LinkedHashMap<>();
		try (Connection connection = connect(database);
				ResultSet rows = connection.createStatement().executeQuery("select id, email from users order by id")) {
			while (rows.next()) {
				emails.put(rows.getLong(1), rows.getString(2));
			}
		}
		return emails;
	}

	private static Connection connect(TestDatabase database) throws SQLException {
		return DriverManager.getConnection(database.url(), database.username(), database.password());
	}

}
