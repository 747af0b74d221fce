package dev.supergraph.users.seed;

import java.time.Duration;
import java.time.Instant;

/**
 * The seed users as pure functions of the user id (documented in
 * {@code docs/seed-data.md}, which other subgraphs' seeds follow to reference users
 * without reading this subgraph's tables).
 */
final class SeedUsers {

	static final int USERS = 500;

	private static final Instant FIRST_REGISTRATION = Instant.parse("2025-01-01T00:00:00Z");

	private SeedUsers() {
	}

	static String name(long id) {
		return "User " + id;
	}

	static String email(long id) {
		return "user" + id + "@example.com";
	}

	/** User n registered n hours after 2025-01-01T00:00:00Z. */
	static Instant createdAt(long id) {
		return FIRST_REGISTRATION.plus(Duration.ofHours(id));
	}

}
