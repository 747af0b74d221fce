package dev.supergraph.client;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * When an answer says to try again. RFC 9110's {@code Retry-After} is whole seconds or an
 * HTTP-date, in any of its three formats (every recipient must accept the two obsolete
 * ones); a past date is 0. A longer delay than {@link #MAX_SECONDS} is that. Anything
 * else asks for no delay: a broken header must neither hold a caller back nor hurry it.
 * The TypeScript client follows the same rules ({@code contract/client-responses.json},
 * {@code retryAfter}).
 */
final class RetryAfter {

	/**
	 * The longest delay a client reports, 24.8 days: the longest a JavaScript timer waits
	 * (2^31 - 1 ms; {@code setTimeout} fires at once for a longer one). The same in both
	 * clients, so that an absurd one (ten years) neither holds a caller back for years
	 * nor, in TypeScript, hurries it.
	 */
	static final int MAX_SECONDS = 2_147_483;

	private static final List<String> DAYS = List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat");

	private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
			"Oct", "Nov", "Dec");

	private static final String DAY = String.join("|", DAYS);

	private static final String LONG_DAY = "Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday";

	private static final String MONTH = String.join("|", MONTHS);

	private static final String TIME = "(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2})";

	private static final List<Pattern> DATES = List.of(
			// IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
			Pattern.compile(
					"(?<weekday>" + DAY + "), (?<day>\\d{2}) (?<month>" + MONTH + ") (?<year>\\d{4}) " + TIME + " GMT"),
			// RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
			Pattern.compile("(?<weekday>" + LONG_DAY + "), (?<day>\\d{2})-(?<month>" + MONTH + ")-(?<year>\\d{2}) "
					+ TIME + " GMT"),
			// asctime: Sun Nov 6 08:49:37 1994
			Pattern.compile("(?<weekday>" + DAY + ") (?<month>" + MONTH + ") (?<day> \\d|\\d{2}) " + TIME
					+ " (?<year>\\d{4})"));

	private static final Pattern SECONDS = Pattern.compile("[0-9]+");

	private static final Pattern SPACES_AROUND = Pattern.compile("^[ \t]+|[ \t]+$");

	private RetryAfter() {
	}

	/**
	 * The longest delay the answer asks for: its errors' {@code retryAfterSeconds} and,
	 * on a failure status (4xx, 5xx, where HTTP gives the header its meaning), its
	 * {@code Retry-After} header.
	 * @param status the answer's HTTP status
	 * @param headers the values of its {@code Retry-After} headers
	 * @param errors its errors
	 * @param now the time the answer came
	 * @return the delay in seconds, or {@code null} for none
	 */
	static @Nullable Integer delay(int status, Collection<String> headers, List<ClientError> errors, Instant now) {
		List<Integer> delays = new ArrayList<>();
		errors.stream().map(ClientError::retryAfterSeconds).filter((seconds) -> seconds != null).forEach(delays::add);
		// several headers are one invalid value, as fetch joins them
		Integer header = (status >= 400 && !headers.isEmpty()) ? seconds(String.join(", ", headers), now) : null;
		if (header != null) {
			delays.add(header);
		}
		return delays.stream().max(Integer::compare).orElse(null);
	}

	/**
	 * A {@code Retry-After} value as whole seconds from {@code now}.
	 * @param header the value
	 * @param now the time to count from
	 * @return the seconds, or {@code null} when the value asks for no delay
	 */
	static @Nullable Integer seconds(String header, Instant now) {
		String value = SPACES_AROUND.matcher(header).replaceAll("");
		BigInteger seconds = SECONDS.matcher(value).matches() ? new BigInteger(value) : secondsUntilDate(value, now);
		return (seconds != null) ? seconds.min(BigInteger.valueOf(MAX_SECONDS)).intValue() : null;
	}

	private static @Nullable BigInteger secondsUntilDate(String value, Instant now) {
		for (Pattern format : DATES) {
			Matcher date = format.matcher(value);
			if (date.matches()) {
				return secondsUntil(date, now);
			}
		}
		return null;
	}

	private static @Nullable BigInteger secondsUntil(Matcher date, Instant now) {
		int year = fullYear(date.group("year"), now);
		int month = MONTHS.indexOf(date.group("month")) + 1;
		int day = Integer.parseInt(date.group("day").strip());
		int hour = Integer.parseInt(date.group("hour"));
		int minute = Integer.parseInt(date.group("minute"));
		int second = Integer.parseInt(date.group("second"));
		// a leap second (60) is allowed
		if (!YearMonth.of(year, month).isValidDay(day) || hour > 23 || minute > 59 || second > 60) {
			return null;
		}
		LocalDate midnight = LocalDate.of(year, month, day);
		if (midnight.getDayOfWeek().getValue() % 7 != DAYS.indexOf(date.group("weekday").substring(0, 3))) {
			return null;
		}
		long at = midnight.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + (hour * 60L + minute) * 60L + second;
		// rounded up: a caller that waits this long is not early
		return BigInteger.valueOf(Math.max(0, Math.floorDiv(at * 1000 - now.toEpochMilli() + 999, 1000)));
	}

	/**
	 * A two-digit year (RFC 850) is the one within 49 years before and 50 years after
	 * now.
	 */
	private static int fullYear(String year, Instant now) {
		if (year.length() == 4) {
			return Integer.parseInt(year);
		}
		int current = now.atZone(ZoneOffset.UTC).getYear();
		int candidate = current - current % 100 + Integer.parseInt(year);
		if (candidate > current + 50) {
			return candidate - 100;
		}
		return (candidate <= current - 50) ? candidate + 100 : candidate;
	}

}
