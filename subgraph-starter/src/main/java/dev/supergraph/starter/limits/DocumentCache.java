package dev.supergraph.starter.limits;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.supergraph.starter.caching.RequestPathCaches;
import com.github.benmanes.caffeine.cache.Cache;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Keeps parsed and validated documents by their text, so the hot path of a repeated
 * operation skips parsing and validation. Bounded, so random documents cannot grow it.
 * Its hits and misses are the metric {@code cache_gets_total{cache="graphql.documents"}}.
 * Which operation of a document a request runs is judged for every request. A document
 * with syntax or validation errors is not kept: their messages are in its caller's
 * language.
 */
class DocumentCache implements PreparsedDocumentProvider, MeterBinder {

	private final Cache<String, PreparsedDocumentEntry> cache;

	DocumentCache(int maximumSize) {
		this.cache = RequestPathCaches.newBuilder().maximumSize(maximumSize).recordStats().build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput executionInput,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidateFunction) {
		PreparsedDocumentEntry entry = this.cache.getIfPresent(executionInput.getQuery());
		if (entry == null) {
			entry = parseAndValidateFunction.apply(executionInput);
			// the errors' messages are in the language of the request that made them
			if (!entry.hasErrors()) {
				this.cache.put(executionInput.getQuery(), entry);
			}
		}
		if (entry.getDocument() != null) {
			// picked by each request's name, before the errors of validation as on a miss
			OperationResolutionInstrumentation.check(entry.getDocument(), executionInput.getOperationName());
		}
		return CompletableFuture.completedFuture(entry);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, this.cache, "graphql.documents");
	}

	long size() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

}
