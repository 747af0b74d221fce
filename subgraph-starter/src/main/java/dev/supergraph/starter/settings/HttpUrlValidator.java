package dev.supergraph.starter.settings;

import java.net.URI;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link HttpUrl}; a missing value is left to {@code @NotNull}.
 */
public class HttpUrlValidator implements ConstraintValidator<HttpUrl, URI> {

	@Override
	public boolean isValid(@Nullable URI url, ConstraintValidatorContext context) {
		if (url == null) {
			return true;
		}
		String scheme = url.getScheme();
		return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && url.getHost() != null;
	}

}
