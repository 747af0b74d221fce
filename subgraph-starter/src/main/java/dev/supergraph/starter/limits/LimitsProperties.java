package dev.supergraph.starter.limits;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request guards of a subgraph. The defaults fit the reference operations with room to
 * spare; a subgraph tightens them in its own configuration.
 *
 * @param maxDepth deepest selection nesting accepted
 * @param maxComplexity highest estimated cost accepted, counted as the router counts
 * ({@link OperationCost}); the router's {@code MAX_COST} default, since a subgraph
 * request never costs more than the operation it belongs to
 * @param maxTokens most lexical tokens the parser reads before giving up
 * ({@code QUERY_TOO_COMPLEX}, like the parser's other denial-of-service cancellations;
 * ordinary syntax errors stay {@code BAD_USER_INPUT})
 * @param maxBodySize largest request body accepted, at most 2047MB: a body is held in
 * memory as one array
 * @param timeout longest a request may run; fields not started by then are refused
 * @param documentCacheSize how many parsed and validated documents are kept
 * @param maxAliases most aliased fields in one operation, fragments counted once per
 * spread; the router's query plans alias little ({@code _0: _entities(…)} when it batches
 * fetches), so 100 leaves ample room
 * @param maxRootFields most fields in the top-level selection set of one operation; a
 * router plan selects the client's root fields of this subgraph or one {@code _entities}
 * per batched fetch
 * @param maxDirectivesPerField most directives on one field, fragment spread or inline
 * fragment; legitimate selections carry at most {@code @include} and {@code @skip}
 */
@ConfigurationProperties(prefix = "subgraph.limits", ignoreUnknownFields = false)
public record LimitsProperties(@DefaultValue("12") @Min(1) int maxDepth,
		@DefaultValue("20000") @Min(1) int maxComplexity, @DefaultValue("5000") @Min(1) int maxTokens,
		@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("10s") @DurationMin(millis = 1) Duration timeout,
		@DefaultValue("1000") @Min(0) int documentCacheSize, @DefaultValue("100") @Min(0) int maxAliases,
		@DefaultValue("50") @Min(1) int maxRootFields, @DefaultValue("10") @Min(0) int maxDirectivesPerField) {

	@AssertTrue(message = "max-body-size must be at least 1 byte")
	boolean isMaxBodySizePositive() {
		return this.maxBodySize.toBytes() > 0;
	}

	@AssertTrue(message = "max-body-size must be at most 2047MB: a request body is held in memory as one array")
	boolean isMaxBodySizeHeldInMemory() {
		return this.maxBodySize.toBytes() <= BodySizeLimitFilter.MAX_LIMIT;
	}

}
