package dev.supergraph.users;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.supergraph.starter.test.TestDatabases;
import dev.supergraph.starter.test.TestDatabases.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Addresses stored before the subgraph wrote them in Unicode normal form C, or before it
 * folded the case variants of a letter, are rewritten in the subgraph's form by the
 * migrations, on real PostgreSQL, except where that would make two accounts of one
 * address.
 */
class StoredEmailNormalisationTests {

	@ParameterizedTest
	@MethodSource("migrations")
	void theMigrationRewritesOldAddressesInTheSubgraphsFormUnlessTwoAccountsWouldShareOne(String database, String from,
			String to, List<Address> addresses) throws SQLException {
		TestDatabase fresh = TestDatabases.forName(database);
		migrate(fresh, from);
		Map<Long, String> stored = new LinkedHashMap<>();
		Map<Long, String> expected = new LinkedHashMap<>();
		for (Address address : addresses) {
			stored.put(stored.size() + 1L, address.stored());
			expected.put(expected.size() + 1L, address.migrated());
		}
		insert(fresh, stored);

		migrate(fresh, to);

		assertThat(emails(fresh)).isEqualTo(expected);
	}

	static Stream<Arguments> migrations() {
		return Stream.of(
				argumentSet("in Unicode normal form C", "email_normal_form", "1", "2",
						List.of(rewritten("jose\u0301@example.com", "jos\u00e9@example.com"),
								// one account in each form: both stay, for an operator to
								// merge
								kept("rene\u0301@example.com"), kept("ren\u00e9@example.com"),
								// two unnormalised forms of one address (marks out of and
								// in
								// canonical order)
								kept("a\u0307\u0323@example.com"), kept("a\u0323\u0307@example.com"),
								kept("plain@example.com"))),
				argumentSet("with the case variants of a letter folded", "email_case_folding", "2", "latest",
						// ΣΟΦΙΑΣ as lower-casing stored it (σοφιας), a final sigma after
						// a
						// composed letter, the long s and the micro sign
						List.of(rewritten("\u03c3\u03bf\u03c6\u03b9\u03b1\u03c2@example.com",
								"\u03c3\u03bf\u03c6\u03b9\u03b1\u03c3@example.com"),
								rewritten("\u03ac\u03c2@example.com", "\u03ac\u03c3@example.com"),
								rewritten("\u017fam@example.com", "sam@example.com"),
								rewritten("\u00b5@example.com", "\u03bc@example.com"),
								// the folded form another account has: both stay, for an
								// operator to merge
								kept("\u0131d@example.com"), kept("id@example.com"),
								// two accounts whose addresses fold into one (ςς and ςσ):
								// both stay
								kept("\u03c2\u03c2@example.com"), kept("\u03c2\u03c3@example.com"),
								kept("plain@example.com"))));
	}

	private static Address rewritten(String stored, String migrated) {
		return new Address(stored, migrated);
	}

	private static Address kept(String stored) {
		return new Address(stored, stored);
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

	/**
	 * An address of an old account, one account each, with ids in list order from 1.
	 *
	 * @param stored as stored before the migration
	 * @param migrated as the migration leaves it
	 */
	record Address(String stored, String migrated) {

	}

}
