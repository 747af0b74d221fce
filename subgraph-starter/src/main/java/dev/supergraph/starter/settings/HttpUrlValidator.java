package dev.supergraph.starter.settings;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link HttpUrl} on a {@link URI} or a string; a missing or blank value passes.
 */
public class HttpUrlValidator implements ConstraintValidator<HttpUrl, Object> {

	@Override
	public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
		if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
			return true;
		}
		URI url = (value instanceof URI uri) ? uri : parse(value.toString());
		if (url == null) {
			return false;
		}
		String scheme = url.getScheme();
		return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && url.getHost() != null
				&& validPort(url.getPort());
	}

	// java.net.URI reads any number that fits an int as the port: 400300 (a key pressed
	// twice) or 0 would start fine and fail every call
	private static boolean validPort(int port) {
		return port == -1 || (port >= 1 && port <= 65_535);
	}

	private static @Nullable URI parse(String text) {
		try {
			return new URI(text.strip());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
