package dev.supergraph.starter.settings;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A start that fails on a platform settings record reports every invalid setting of every
 * record ({@link SettingsRecords}), each as Spring Boot reports one, so that an operator
 * fixes them in one go rather than one per start. Runs only on a failed start; ahead of
 * Spring Boot's binding analyzers, which would report the first record only.
 */
class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationPropertiesBindException> implements Ordered {

	private static final String ACTION = "Update your application's configuration";

	private final @Nullable BeanFactory beanFactory;

	private final Environment environment;

	SettingsFailureAnalyzer(@Nullable BeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, ConfigurationPropertiesBindException cause) {
		if (!(this.beanFactory instanceof ConfigurableListableBeanFactory beans)
				|| !SettingsRecords.isPlatformRecord(cause.getBeanType())) {
			return null;
		}
		List<BindException> failures = SettingsRecords.failures(beans, this.environment);
		if (failures.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder();
		description.append(count(failures)).append(" invalid settings:%n".formatted());
		failures.forEach((failure) -> describe(failure, description));
		return new FailureAnalysis(description.toString(), ACTION, cause);
	}

	private static int count(List<BindException> failures) {
		return failures.stream()
			.mapToInt((failure) -> (failure.getCause() instanceof BindValidationException invalid)
					? invalid.getValidationErrors().getAllErrors().size() : 1)
			.sum();
	}

	private static void describe(BindException failure, StringBuilder description) {
		description.append("%nBinding to target %s failed:%n".formatted(failure.getTarget().getType()));
		if (failure.getCause() instanceof BindValidationException invalid) {
			invalid.getValidationErrors().getAllErrors().forEach((error) -> describe(error, description));
			return;
		}
		ConfigurationProperty property = failure.getProperty();
		description.append("%n    Property: %s".formatted(failure.getName()));
		if (property != null) {
			description.append("%n    Value: \"%s\"".formatted(property.getValue()));
			description.append("%n    Origin: %s".formatted(property.getOrigin()));
		}
		Throwable reason = (failure.getCause() != null) ? failure.getCause() : failure;
		description.append("%n    Reason: %s%n".formatted(reason.getMessage()));
	}

	private static void describe(ObjectError error, StringBuilder description) {
		if (error instanceof FieldError field) {
			description.append("%n    Property: %s.%s".formatted(field.getObjectName(),
					DataObjectPropertyName.toDashedForm(field.getField())));
			description.append("%n    Value: \"%s\"".formatted(field.getRejectedValue()));
			Origin origin = Origin.from(field);
			if (origin != null) {
				description.append("%n    Origin: %s".formatted(origin));
			}
		}
		description.append("%n    Reason: %s%n".formatted(error.getDefaultMessage()));
	}

}
