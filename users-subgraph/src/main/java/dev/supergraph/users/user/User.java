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
 */
@Entity
@Table(name = "users")
public class User implements Persistable<Long> {

	@Id
	private Long id;

	private String name;

	private String email;

	private Instant createdAt;

	@Version
	private long version;

	@Transient
	private boolean fresh;

	protected User() {
	}

	User(long id, String name, String email, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.email = email;
		this.createdAt = createdAt;
		this.fresh = true;
	}

	@Override
	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getEmail() {
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
