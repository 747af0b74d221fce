package dev.supergraph.starter.settings;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The failure of a start whose setting names a file the subgraph cannot use: missing,
 * unreadable or with the wrong content. Spring Boot's failure analysis reports it as it
 * reports a value out of range, naming the setting, where it was set and why, without a
 * stack trace.
 */
public final class SettingFiles {

	private SettingFiles() {
	}

	/**
	 * The failure to throw for a file setting.
	 * @param property the setting, as documented
	 * ({@code subgraph.security.api-keys.file})
	 * @param value the file it names
	 * @param cause why it cannot be used: an {@link IOException} when it cannot be read,
	 * else an exception whose message says what is wrong with its content
	 * @return the exception, to throw
	 */
	public static InvalidConfigurationPropertyValueException unusable(String property, Object value, Exception cause) {
		return new InvalidConfigurationPropertyValueException(property, value, reason(cause), cause);
	}

	private static String reason(Exception cause) {
		if (cause instanceof NoSuchFileException) {
			return "the file does not exist";
		}
		if (cause instanceof AccessDeniedException) {
			return "the file may not be read";
		}
		if (cause instanceof FileNotFoundException) {
			// java.io and Spring resources say which of the two in the message
			return "the file cannot be opened: " + cause.getMessage();
		}
		if (cause instanceof IOException) {
			return "the file cannot be read: " + cause.getMessage();
		}
		return String.valueOf(cause.getMessage());
	}

}
