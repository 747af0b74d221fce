package dev.supergraph.starter.security;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * An ownership rule that directives cannot express ("the buyer, or scope
 * {@code orders:read}"), declared once as a bean and enforced by the starter together
 * with {@code @authenticated}/{@code @requiresScopes}. A denied field is {@code null}
 * with a {@code FORBIDDEN} (or {@code UNAUTHENTICATED}) error; the denial is audited.
 *
 * @param typeName the GraphQL type the field belongs to
 * @param fieldName the field, or {@code *} for every field of the type
 * @param target whether the owner is read from the field's parent object or its result
 * @param bypassScope a scope that grants access to everybody's objects
 * @param ownerIdOf the owner's user id of a parent object or result
 */
public record OwnershipRule(String typeName, String fieldName, Target target, String bypassScope,
		Function<Object, @Nullable String> ownerIdOf) {

	/**
	 * Guard a field by the owner of the object it belongs to, e.g. {@code User.email}.
	 * @param typeName the type
	 * @param fieldName the field or {@code *}
	 * @param bypassScope the scope that grants access to any owner's field
	 * @param ownerIdOf the owner of a parent object
	 * @return the rule
	 */
	public static OwnershipRule ofSource(String typeName, String fieldName, String bypassScope,
			Function<Object, @Nullable String> ownerIdOf) {
		return new OwnershipRule(typeName, fieldName, Target.SOURCE, bypassScope, ownerIdOf);
	}

	/**
	 * Guard a field by the owner of the object it returns, e.g. {@code Query.order}; a
	 * {@code null} result passes.
	 * @param typeName the type
	 * @param fieldName the field
	 * @param bypassScope the scope that grants access to any owner's object
	 * @param ownerIdOf the owner of a returned object
	 * @return the rule
	 */
	public static OwnershipRule ofResult(String typeName, String fieldName, String bypassScope,
			Function<Object, @Nullable String> ownerIdOf) {
		return new OwnershipRule(typeName, fieldName, Target.RESULT, bypassScope, ownerIdOf);
	}

	boolean appliesTo(String type, String field) {
		return this.typeName.equals(type) && (this.fieldName.equals("*") || this.fieldName.equals(field));
	}

	boolean allows(Viewer viewer, @Nullable Object value) {
		if (value == null || viewer.hasScope(this.bypassScope)) {
			return true;
		}
		return viewer.isAuthenticated() && Objects.equals(viewer.userId(), this.ownerIdOf.apply(value));
	}

	@Override
	public String toString() {
		return "owner of " + this.typeName + "." + this.fieldName + " or scope " + this.bypassScope;
	}

	/** Where the owner of a guarded field is read from. */
	public enum Target {

		/** The object the field belongs to. */
		SOURCE,

		/** The object the field returns. */
		RESULT

	}

}
