package dev.supergraph.starter.limits;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps parsed and validated documents by their text, so the hot path of a repeated
 * operation skips parsing and validation. Bounded, so random documents cannot grow it.
 */
class DocumentCache implements PreparsedDocumentProvider {

	private final Cache<String, PreparsedDocumentEntry> cache;

	DocumentCache(int maximumSize) {
		this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput executionInput,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidateFunction) {
		return CompletableFuture.completedFuture(
				this.cache.get(executionInput.getQuery(), (query) -> parseAndValidateFunction.apply(executionInput)));
	}

	long size() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

}
