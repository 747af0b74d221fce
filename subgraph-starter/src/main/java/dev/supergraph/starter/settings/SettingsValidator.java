package dev.supergraph.starter.settings;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks the platform's own settings records (every {@code @ConfigurationProperties} in a
 * {@code dev.supergraph} package) against their Bean Validation constraints when Spring
 * Boot binds them; Spring Boot's own settings are left to Spring Boot.
 * <p>
 * Spring Boot's {@code @Validated} would do the same, but builds a Hibernate Validator
 * factory for every validated record, on the main thread of every start: ten of them made
 * a users start 0.13 s longer. This one uses the application's validator, made once for
 * the inputs' checks anyway, and looks it up only at the first record it checks, when the
 * context can create it like any other bean.
 */
final class SettingsValidator implements Validator {

	static final String PLATFORM_PACKAGES = "dev.supergraph.";

	private final ObjectProvider<jakarta.validation.Validator> applicationValidator;

	private volatile @Nullable SpringValidatorAdapter validator;

	SettingsValidator(ObjectProvider<jakarta.validation.Validator> applicationValidator) {
		this.applicationValidator = applicationValidator;
	}

	@Override
	public boolean supports(Class<?> type) {
		return type.getName().startsWith(PLATFORM_PACKAGES);
	}

	@Override
	public void validate(Object target, Errors errors) {
		validator().validate(target, errors);
	}

	private SpringValidatorAdapter validator() {
		SpringValidatorAdapter validator = this.validator;
		if (validator == null) {
			jakarta.validation.Validator application = this.applicationValidator.getIfUnique();
			validator = new SpringValidatorAdapter((application != null) ? application
					: jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator());
			this.validator = validator;
		}
		return validator;
	}

}
