package dev.supergraph.starter.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request guards of a subgraph. The defaults fit the reference operations with room to
 * spare; a subgraph tightens them in its own configuration.
 *
 * @param maxDepth deepest selection nesting accepted
 * @param maxComplexity highest cost accepted; each field costs 1, multiplied by the
 * {@code first} argument of its parent list fields
 * @param maxTokens most lexical tokens the parser reads before giving up (a syntax error,
 * {@code BAD_USER_INPUT})
 * @param maxBodySize largest request body accepted
 * @param timeout longest a request may run; fields not started by then are refused
 * @param documentCacheSize how many parsed and validated documents are kept
 */
@ConfigurationProperties("subgraph.limits")
public record LimitsProperties(@DefaultValue("12") int maxDepth, @DefaultValue("5000") int maxComplexity,
		@DefaultValue("5000") int maxTokens, @DefaultValue("64KB") DataSize maxBodySize,
		@DefaultValue("10s") Duration timeout, @DefaultValue("1000") int documentCacheSize) {

}
