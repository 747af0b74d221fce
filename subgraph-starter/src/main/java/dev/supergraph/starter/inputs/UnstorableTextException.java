package dev.supergraph.starter.inputs;

import java.util.List;
import java.util.Map;

import dev.supergraph.starter.errors.ErrorExtensions;
import graphql.execution.AbortExecutionException;
import graphql.language.SourceLocation;

/**
 * Refuses an operation before execution because one of its string inputs is not storable
 * text: {@code BAD_USER_INPUT} with reason {@code INVALID_CHARACTERS} and the path of the
 * value in {@code extensions.field}.
 */
class UnstorableTextException extends AbortExecutionException {

	static final String REASON = "INVALID_CHARACTERS";

	private final List<String> field;

	private final List<SourceLocation> locations;

	UnstorableTextException(String message, List<String> field, List<SourceLocation> locations) {
		super(message);
		this.field = List.copyOf(field);
		this.locations = List.copyOf(locations);
	}

	@Override
	public Map<String, Object> getExtensions() {
		return ErrorExtensions.badInput(REASON, this.field);
	}

	@Override
	public List<SourceLocation> getLocations() {
		return this.locations;
	}

}
