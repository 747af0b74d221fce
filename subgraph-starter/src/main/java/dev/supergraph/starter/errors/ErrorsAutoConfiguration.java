package dev.supergraph.starter.errors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * The error model: documented codes, bundle messages, request ids, no leaked internals.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration" })
public final class ErrorsAutoConfiguration {

	@Bean
	ErrorMessages errorMessages() {
		return new ErrorMessages();
	}

	@Bean
	UserErrors userErrors(ErrorMessages messages) {
		return new UserErrors(messages);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SubgraphExceptionResolver subgraphExceptionResolver(ErrorMessages messages) {
		return new SubgraphExceptionResolver(messages);
	}

	@Bean
	EntityMappingExceptionAdvice entityMappingExceptionAdvice(SubgraphExceptionResolver resolver) {
		return new EntityMappingExceptionAdvice(resolver);
	}

	@Bean
	ErrorShapingInterceptor errorShapingInterceptor(ErrorMessages messages, ObjectProvider<GraphQlSource> source) {
		return new ErrorShapingInterceptor(messages, new LiteralMessages(source, messages));
	}

	@Bean
	FailedConnectionInstrumentation failedConnectionInstrumentation() {
		return new FailedConnectionInstrumentation();
	}

	@Bean
	ErrorResponseWriter errorResponseWriter(ErrorMessages messages, JsonMapper json) {
		return new ErrorResponseWriter(messages, json);
	}

	/**
	 * The language of every request's messages by the router's rule, for Spring MVC and
	 * so for Spring for GraphQL's executions (Spring Boot's would take the first range of
	 * {@code Accept-Language}, supported or not).
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	RequestLanguages localeResolver() {
		return new RequestLanguages();
	}

	/**
	 * The same language for the servlet API's {@code getLocale()}, before Spring's
	 * request context filter reads it.
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<RequestLanguageFilter> requestLanguageFilter() {
		FilterRegistrationBean<RequestLanguageFilter> registration = new FilterRegistrationBean<>(
				new RequestLanguageFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	RefusedRequestResolver refusedRequestResolver(ErrorResponseWriter writer) {
		return new RefusedRequestResolver(writer);
	}

	@Bean
	@ConditionalOnWebApplication
	GraphQlErrorController graphQlErrorController(ErrorResponseWriter writer) {
		return new GraphQlErrorController(writer);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	NotFoundBodyAdvice notFoundBodyAdvice(ErrorResponseWriter writer) {
		return new NotFoundBodyAdvice(writer);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class TomcatErrors {

		@Bean
		TransportErrorValveCustomizer transportErrorValveCustomizer(ErrorResponseWriter writer) {
			return new TransportErrorValveCustomizer(writer);
		}

		/**
		 * TRACE reaches the filters, so that {@link UnservedRequestFilter} answers it by
		 * the path: Tomcat refused it with the servlet's methods on every path.
		 * @return the customizer
		 */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> traceToTheFilters() {
			return (factory) -> factory.addConnectorCustomizers((connector) -> connector.setAllowTrace(true));
		}

		/**
		 * Last, so that the firewall and every other filter judged the request first, as
		 * for any other method.
		 * @param mappings Spring MVC's handler mappings, if Spring MVC runs
		 * @param writer the error writer
		 * @return the filter
		 */
		@Bean
		FilterRegistrationBean<UnservedRequestFilter> unservedRequestFilter(
				ObjectProvider<HandlerMappingIntrospector> mappings, ErrorResponseWriter writer) {
			FilterRegistrationBean<UnservedRequestFilter> registration = new FilterRegistrationBean<>(
					new UnservedRequestFilter(mappings, writer));
			registration.setOrder(Ordered.LOWEST_PRECEDENCE);
			return registration;
		}

	}

}
