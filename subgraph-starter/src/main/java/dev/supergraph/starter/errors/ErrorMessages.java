package dev.supergraph.starter.errors;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Client-facing error messages from message bundles: the starter's
 * {@code subgraph-errors.properties} and a subgraph's own {@code errors.properties}.
 */
public final class ErrorMessages {

	/**
	 * The message of a request line, header or path that is malformed, whoever refuses it
	 * (Tomcat's parser, Spring Security's firewall).
	 */
	public static final String MALFORMED_HTTP = "input.malformedHttp";

	/** The message of a request line over Tomcat's limit. */
	public static final String URI_TOO_LONG = "input.uriTooLong";

	/** The message of an {@code Expect} other than {@code 100-continue}. */
	public static final String EXPECTATION_FAILED = "input.expectationFailed";

	/** The message of headers over Tomcat's limit, in size or in lines. */
	public static final String HEADERS_TOO_LARGE = "input.headersTooLarge";

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	public ErrorMessages() {
		this.messages.setBasenames("errors", "subgraph-errors");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
		this.messages.setUseCodeAsDefaultMessage(false);
	}

	/**
	 * Resolve a message; an unknown key falls back to the code's default message.
	 * @param code the error code
	 * @param key the message key
	 * @param arguments the message arguments
	 * @param locale the client's locale
	 * @return the message
	 */
	public String get(ErrorCode code, String key, Object[] arguments, Locale locale) {
		String message = this.messages.getMessage(key, arguments, null, locale);
		return (message != null) ? message : this.messages.getMessage(code.messageKey(), null, locale);
	}

	/**
	 * The first of some message keys that the bundles hold, resolved.
	 * @param keys the keys, most specific first
	 * @param arguments the message arguments
	 * @param locale the client's locale
	 * @return the message, {@code null} when no key is known
	 */
	public @Nullable String find(List<String> keys, Object[] arguments, Locale locale) {
		for (String key : keys) {
			String message = this.messages.getMessage(key, arguments, null, locale);
			if (message != null) {
				return message;
			}
		}
		return null;
	}

	public String get(ErrorCode code, Locale locale) {
		return get(code, code.messageKey(), new Object[0], locale);
	}

}
