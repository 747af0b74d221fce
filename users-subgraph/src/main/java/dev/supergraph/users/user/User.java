package dev.supergraph.users.user;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * A registered user. The id is assigned, not generated: it is the subject of the user's
 * tokens. So that saving a new user is always an {@code INSERT} (and a second
 * registration of the same subject fails on the primary key instead of overwriting the
 * first), the entity tells Spring Data itself whether it is new.
 * <p>
 * Another subgraph may refer to a user who has no record here (an order placed before
 * buyers had to register): such a reference resolves to a {@link #standIn stand-in},
 * never stored, so that the object holding the reference survives.
 */
@Entity
@Table(name = "users")
public class User implements Persistable<Long> {

	@Id
	private Long id;

	private String name;

	private @Nullable String email;

	private Instant createdAt;

	@Version
	private long version;

	@Transient
	private boolean fresh;

	@Transient
	private boolean standIn;

	protected User() {
	}

	User(long id, String name, @Nullable String email, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.email = email;
		this.createdAt = createdAt;
		this.fresh = true;
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
		user.fresh = false;
		return user;
	}

	/**
	 * A user as stored, read outside JPA ({@link UserRows}): read-only, never to be
	 * saved.
	 * @param id the id
	 * @param name the display name
	 * @param email the email address
	 * @param createdAt when the user registered
	 * @param version the row's version
	 * @return the user
	 */
	static User read(long id, String name, String email, Instant createdAt, long version) {
		User user = new User(id, name, email, createdAt);
		user.version = version;
		user.fresh = false;
		return user;
	}

	boolean isStandIn() {
		return this.standIn;
	}

	@Override
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

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	@PostLoad
	@PostPersist
	void markPersisted() {
		this.fresh = false;
	}

}
