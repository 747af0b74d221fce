package dev.supergraph.starter.validation;

import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.ErrorsAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Input rules declared in the schema with {@code @constraint}: the directive's definition
 * for the subgraphs that apply it, and the {@link InputValidator} that enforces them.
 */
@AutoConfiguration(before = GraphQlAutoConfiguration.class, after = ErrorsAutoConfiguration.class)
public final class InputValidationAutoConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer constraintDirectiveCustomizer() {
		return (builder) -> builder.configureTypeDefinitions(new ConstraintDirectiveConfigurer());
	}

	/**
	 * The validator reads the schema on first use: the schema's controllers need the
	 * services that need the validator, so it cannot be an argument here.
	 * @param source the subgraph's GraphQL source
	 * @param messages the error bundles
	 * @return the validator
	 */
	@Bean
	@ConditionalOnMissingBean
	InputValidator inputValidator(ObjectProvider<GraphQlSource> source, ErrorMessages messages) {
		return new InputValidator(() -> source.getObject().schema(), messages);
	}

	@Bean
	SmartInitializingSingleton inputRulesAtStart(InputValidator validator, ObjectProvider<GraphQlSource> source) {
		return () -> source.ifAvailable((available) -> validator.readRules());
	}

}
