package dev.supergraph.starter.limits;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The language of a limit's message: the request's, English when it has none.
 */
final class Locales {

	private Locales() {
	}

	static Locale of(@Nullable Locale locale) {
		return (locale != null) ? locale : Locale.ENGLISH;
	}

}
