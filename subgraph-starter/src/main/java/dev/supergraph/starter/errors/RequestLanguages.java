package dev.supergraph.starter.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request's messages, chosen from {@code Accept-Language} by the rule
 * the router follows too ({@code contract/accept-language.json}): the supported language
 * of the highest q-value (a range such as {@code de-CH} asks for {@code de}), English for
 * {@code *}, for none supported or for no header. The servlet container's own choice is
 * the first range whatever its language, so {@code fr, de;q=0.9} got English here and
 * German from the router, in one response.
 */
public final class RequestLanguages implements LocaleResolver {

	/** The languages with a message bundle, the first the default. */
	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

	/** A hostile header must not cost much: only its first ranges are read. */
	private static final int MAX_RANGES = 20;

	private static final Pattern TAG = Pattern.compile("\\*|[a-z]{1,8}(-[a-z0-9]{1,8})*");

	/** RFC 9110's qvalue: 0 to 1 with at most three decimals. */
	private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

	/**
	 * The language of a request.
	 * @param request the request
	 * @return one of {@link #SUPPORTED}
	 */
	public static Locale of(HttpServletRequest request) {
		return of(request.getHeader("Accept-Language"));
	}

	/**
	 * The language an {@code Accept-Language} header asks for.
	 * @param acceptLanguage the header, if any
	 * @return one of {@link #SUPPORTED}
	 */
	public static Locale of(@Nullable String acceptLanguage) {
		Locale fallback = SUPPORTED.get(0);
		if (acceptLanguage == null) {
			return fallback;
		}
		List<Range> ranges = new ArrayList<>();
		String[] parts = acceptLanguage.split(",", MAX_RANGES + 1);
		for (int i = 0; i < Math.min(parts.length, MAX_RANGES); i++) {
			Range range = Range.parse(parts[i]);
			if (range != null && range.q() > 0) {
				ranges.add(range);
			}
		}
		// Stable: ranges of one q-value keep the header's order.
		ranges.sort((a, b) -> Double.compare(b.q(), a.q()));
		for (Range range : ranges) {
			if (range.tag().equals("*")) {
				return fallback;
			}
			String language = range.tag().split("-", 2)[0];
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(language)) {
					return supported;
				}
			}
		}
		return fallback;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return of(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		throw new UnsupportedOperationException("The language of a request is its Accept-Language header's");
	}

	private record Range(String tag, double q) {

		static @Nullable Range parse(String part) {
			String[] pieces = trim(part).toLowerCase(Locale.ROOT).split(";", -1);
			String tag = pieces[0];
			if (!TAG.matcher(tag).matches()) {
				return null;
			}
			for (int i = 1; i < pieces.length; i++) {
				String param = trim(pieces[i]);
				if (param.startsWith("q=")) {
					String value = param.substring(2);
					return QVALUE.matcher(value).matches() ? new Range(tag, Double.parseDouble(value)) : null;
				}
			}
			return new Range(tag, 1);
		}

		/** Spaces and tabs, HTTP's optional whitespace, and nothing else. */
		private static String trim(String text) {
			int start = 0;
			int end = text.length();
			while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
				start++;
			}
			while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
				end--;
			}
			return text.substring(start, end);
		}

	}

}
