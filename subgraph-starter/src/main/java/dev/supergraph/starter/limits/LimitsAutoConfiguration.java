package dev.supergraph.starter.limits;

import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.ErrorResponseWriter;
import dev.supergraph.starter.errors.ErrorsAutoConfiguration;
import graphql.parser.ParserOptions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Request guards built on graphql-java's own mechanisms: parser token limit, operation
 * shape (aliases, root fields, directives), depth and complexity instrumentations, a
 * per-request timeout, a body size limit and a cache of parsed and validated documents.
 * Every limit of the operation answers {@code QUERY_TOO_COMPLEX}. Before them, a request
 * whose operation cannot be picked is refused
 * ({@link OperationResolutionInstrumentation}).
 */
@AutoConfiguration(before = GraphQlAutoConfiguration.class, after = ErrorsAutoConfiguration.class)
@EnableConfigurationProperties(LimitsProperties.class)
public final class LimitsAutoConfiguration {

	@Bean
	DepthLimitInstrumentation depthLimitInstrumentation(LimitsProperties limits, ErrorMessages messages) {
		return new DepthLimitInstrumentation(limits.maxDepth(), messages, limits.documentCacheSize());
	}

	@Bean
	ComplexityLimitInstrumentation complexityLimitInstrumentation(LimitsProperties limits, ErrorMessages messages) {
		return new ComplexityLimitInstrumentation(limits.maxComplexity(), messages, limits.documentCacheSize());
	}

	@Bean
	OperationShapeInstrumentation operationShapeInstrumentation(LimitsProperties limits, ErrorMessages messages) {
		return new OperationShapeInstrumentation(limits, messages);
	}

	@Bean
	ParserLimitInstrumentation parserLimitInstrumentation(LimitsProperties limits, ErrorMessages messages) {
		return new ParserLimitInstrumentation(limits.maxTokens(), messages);
	}

	@Bean
	TimeoutInstrumentation timeoutInstrumentation(LimitsProperties limits) {
		return new TimeoutInstrumentation(limits.timeout());
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	OperationResolutionInstrumentation operationResolutionInstrumentation() {
		// first: which operation to run is judged before the limits read the document
		return new OperationResolutionInstrumentation();
	}

	@Bean
	DocumentCache documentCache(LimitsProperties limits) {
		return new DocumentCache(limits.documentCacheSize());
	}

	@Bean
	GraphQlSourceBuilderCustomizer parserAndCacheCustomizer(LimitsProperties limits, DocumentCache cache) {
		// graphql-java reads parser limits from a JVM-wide default
		ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxTokens(limits.maxTokens())));
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(cache));
	}

	@Bean
	@ConditionalOnWebApplication
	FilterRegistrationBean<RequestShapeFilter> requestShapeFilter(
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath, ErrorResponseWriter errors) {
		FilterRegistrationBean<RequestShapeFilter> registration = new FilterRegistrationBean<>(
				new RequestShapeFilter(graphQlPath, errors));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	@ConditionalOnWebApplication
	FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(LimitsProperties limits,
			ErrorResponseWriter errors) {
		FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
				new BodySizeLimitFilter(limits.maxBodySize().toBytes(), errors));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
