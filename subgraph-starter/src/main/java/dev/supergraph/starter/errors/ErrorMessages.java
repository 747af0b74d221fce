package dev.supergraph.starter.errors;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Client-facing error messages from message bundles: the starter's
 * {@code subgraph-errors.properties} and a subgraph's own {@code errors.properties}.
 */
public final class ErrorMessages {

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

	public String get(ErrorCode code, Locale locale) {
		return get(code, code.messageKey(), new Object[0], locale);
	}

	/** The bundles, for Bean Validation messages written as {@code {key}}. */
	MessageSource source() {
		return this.messages;
	}

}
