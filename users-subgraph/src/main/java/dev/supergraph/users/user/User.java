package dev.supergraph.users.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A registered user. The id is assigned, not generated: it is the subject of the user's
 * tokens, so registering is always an {@code INSERT} and a second registration of the
 * same subject fails on the primary key instead of overwriting the first
 * ({@link UserRows#insert}).
 * <p>
 * Another subgraph may refer to a user who has no record here (an order placed before
 * buyers had to register): such a reference resolves to a {@link #standIn stand-in},
 * never stored, so that the object holding the reference survives.
 */
public class User {

	private final long id;

	private String name;

	private @Nullable String email;

	private final Instant createdAt;

	private boolean standIn;

	User(long id, String name, @Nullable String email, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.email = email;
		this.createdAt = createdAt;
	}

	/**
	 * The stand-in of a user without a record: the id of the reference, a display name
	 * saying the user is unknown, no email and the epoch as {@code createdAt}.
	 * @param id the referenced id
	 * @param name the display name of unknown users in the caller's language
	 * @return the stand-in, never to be saved
	 */
	static User standIn(long id, String name) {
		User user = new User(id, name, null, Instant.EPOCH);
		user.standIn = true;
		return user;
	}

	boolean isStandIn() {
		return this.standIn;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	void changeProfile(@Nullable String name, @Nullable String email) {
		if (name != null) {
			this.name = name;
		}
		if (email != null) {
			this.email = email;
		}
	}

}
