package dev.supergraph.starter.settings;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The platform's settings records of an application (the {@code @ConfigurationProperties}
 * records in a {@code dev.supergraph} package, as {@link SettingsValidator} checks them),
 * bound and checked all at once. Spring Boot binds each record when its bean is created,
 * so a start stops at the first bad one; this finds the others too.
 */
final class SettingsRecords {

	private SettingsRecords() {
	}

	static boolean isPlatformRecord(@Nullable Class<?> type) {
		return type != null && type.getName().startsWith(SettingsValidator.PLATFORM_PACKAGES)
				&& MergedAnnotations.from(type).isPresent(ConfigurationProperties.class);
	}

	/**
	 * Binds and checks every platform record defined in a bean factory, without creating
	 * any bean.
	 * @param beanFactory the application's bean factory
	 * @param environment the application's settings
	 * @return the failure of each record that cannot be bound or breaks a rule, in bean
	 * definition order
	 */
	static List<BindException> failures(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		Binder binder = Binder.get(environment);
		List<BindException> failures = new ArrayList<>();
		try (ValidatorFactory validators = Validation.buildDefaultValidatorFactory()) {
			SpringValidatorAdapter validator = new SpringValidatorAdapter(validators.getValidator());
			for (String name : beanFactory.getBeanDefinitionNames()) {
				Class<?> type = beanFactory.getType(name, false);
				if (isPlatformRecord(type)) {
					failures.addAll(check(binder, type, validator));
				}
			}
		}
		return failures;
	}

	private static List<BindException> check(Binder binder, Class<?> type, SpringValidatorAdapter validator) {
		MergedAnnotation<ConfigurationProperties> settings = MergedAnnotations.from(type)
			.get(ConfigurationProperties.class);
		String prefix = settings.getString("prefix").isEmpty() ? settings.getString("value")
				: settings.getString("prefix");
		// As Spring Boot binds it: a record that refuses unknown settings (a removed or
		// misspelt one) refuses them here too, under the validation.
		boolean refusesUnknown = !settings.getBoolean("ignoreUnknownFields");
		BindHandler unknown = refusesUnknown ? new NoUnboundElementsBindHandler(BindHandler.DEFAULT)
				: BindHandler.DEFAULT;
		BindException failure = bind(binder, prefix, type, new ValidationBindHandler(unknown, validator));
		if (failure == null) {
			return List.of();
		}
		// A broken rule stops the binding before the unknown settings are looked for:
		// look
		// again without the rules, so one start names both.
		BindException unbound = (refusesUnknown && failure.getCause() instanceof BindValidationException)
				? bind(binder, prefix, type, unknown) : null;
		return (unbound != null) ? List.of(failure, unbound) : List.of(failure);
	}

	private static @Nullable BindException bind(Binder binder, String prefix, Class<?> type, BindHandler handler) {
		try {
			binder.bindOrCreate(prefix, Bindable.of(type).withBindMethod(BindMethod.VALUE_OBJECT), handler);
			return null;
		}
		catch (BindException ex) {
			return ex;
		}
	}

}
