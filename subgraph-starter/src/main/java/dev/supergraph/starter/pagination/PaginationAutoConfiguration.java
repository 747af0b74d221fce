package dev.supergraph.starter.pagination;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;

/**
 * Relay connections over id keysets, replacing Spring for GraphQL's default cursor
 * strategy with a strict one.
 */
@AutoConfiguration(before = GraphQlAutoConfiguration.class)
@EnableConfigurationProperties(PaginationProperties.class)
public final class PaginationAutoConfiguration {

	@Bean
	EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
		return CursorStrategy.withEncoder(new IdCursorStrategy(), CursorEncoder.base64());
	}

	@Bean
	KeysetPages keysetPages(PaginationProperties properties, CursorStrategy<ScrollPosition> cursorStrategy) {
		return new KeysetPages(properties, cursorStrategy);
	}

	/** A connection without its page size stops the start, naming it. */
	@Bean
	SmartInitializingSingleton pageSizesDeclared(ObjectProvider<GraphQlSource> source) {
		return () -> source.ifAvailable((graphQl) -> DeclaredPageSizes.check(graphQl.schema()));
	}

}
