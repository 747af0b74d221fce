package dev.supergraph.starter.limits;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which answer of the GraphQL endpoint an {@code Accept} header takes, by RFC 9110
 * (12.5.1), as the router reads it ({@code acceptedAnswers} in
 * {@code router/media-types.mjs}): each answer is weighed by the most specific of the
 * header's ranges that names it ({@code type/subtype} before {@code type/*} before
 * {@code *}{@code /*}, the first of equals), and {@code q=0} means not acceptable. The
 * answer weighed highest is taken; at equal weights, the one whose range the client wrote
 * first, and where one range names both, JSON. Names and values are read in any case and
 * with spaces around them; a range whose {@code charset} is not utf-8 names nothing this
 * service writes; a weight that is no number from 0 to 1 ({@code q=abc}, {@code q=2},
 * {@code q=-1}) is ignored, the range counting at the default weight 1, as lenient
 * servers read it; other parameters are ignored. A header with no range in it (empty, or
 * only commas) is as none: JSON. Neither side weighed {@code q} before, so
 * {@code application/json;q=0} was answered in JSON, and Spring MVC answered a weight it
 * could not parse with a bare 406.
 */
final class AcceptHeader {

	private static final String JSON = "application/json";

	// what the GraphQL endpoint answers in, JSON first where a client weighs both alike.
	// Not the event stream: Spring for GraphQL's SSE handler answers only subscriptions,
	// which no subgraph has, so every operation got a 200 stream of one error.
	private static final List<String> ANSWERS = List.of(JSON, "application/graphql-response+json");

	private static final Pattern WEIGHT = Pattern.compile("[0-9]+(\\.[0-9]*)?");

	private AcceptHeader() {
	}

	/**
	 * The answer an {@code Accept} header takes.
	 * @param accept the header's lines, joined with commas; {@code null} for none
	 * @return the media type to answer in, or {@code null} if the header takes none
	 */
	static @Nullable String answer(@Nullable String accept) {
		if (accept == null || accept.equals(JSON)) {
			return JSON;
		}
		Weighed[] best = new Weighed[ANSWERS.size()];
		boolean ranges = false;
		String[] elements = accept.split(",", -1);
		for (int index = 0; index < elements.length; index++) {
			Range range = Range.of(elements[index]);
			if (range != null) {
				ranges = true;
				weigh(range, index, best);
			}
		}
		if (!ranges) {
			return JSON;
		}
		return favourite(best);
	}

	private static void weigh(Range range, int index, Weighed[] best) {
		for (int i = 0; i < best.length; i++) {
			int specificity = range.specificityFor(ANSWERS.get(i));
			if (specificity > ((best[i] != null) ? best[i].specificity() : -1)) {
				best[i] = new Weighed(specificity, range.weight(), index);
			}
		}
	}

	// the highest weight above 0; at equal weights the range written first, then JSON
	private static @Nullable String favourite(Weighed[] best) {
		int favourite = -1;
		for (int i = 0; i < best.length; i++) {
			if (best[i] != null && best[i].weight() > 0 && (favourite < 0 || best[i].before(best[favourite]))) {
				favourite = i;
			}
		}
		return (favourite < 0) ? null : ANSWERS.get(favourite);
	}

	private record Weighed(int specificity, double weight, int index) {

		boolean before(Weighed other) {
			return (this.weight != other.weight) ? this.weight > other.weight : this.index < other.index;
		}

	}

	/**
	 * One element of the list: its range in lower case and its weight.
	 */
	private record Range(String name, double weight) {

		// null for an empty element; a range of another charset names nothing (""), but
		// it is a range: application/json; charset=iso-8859-1 takes no answer
		static @Nullable Range of(String element) {
			String[] parts = element.split(";", -1);
			String name = GraphQlHeaders.trimmed(parts[0]).toLowerCase(Locale.ROOT);
			if (name.isEmpty()) {
				return null;
			}
			Double weight = null;
			boolean otherCharset = false;
			for (int i = 1; i < parts.length; i++) {
				int equals = parts[i].indexOf('=');
				String key = GraphQlHeaders.trimmed((equals < 0) ? parts[i] : parts[i].substring(0, equals));
				String value = (equals < 0) ? "" : GraphQlHeaders.trimmed(parts[i].substring(equals + 1));
				if (key.equalsIgnoreCase("charset") && !value.replace("\"", "").equalsIgnoreCase("utf-8")) {
					otherCharset = true;
				}
				if (key.equalsIgnoreCase("q") && weight == null) {
					weight = weight(value);
				}
			}
			return new Range(otherCharset ? "" : name, (weight != null) ? weight : 1);
		}

		// a weight that is no number from 0 to 1 is ignored
		private static double weight(String value) {
			if (!WEIGHT.matcher(value).matches()) {
				return 1;
			}
			double weight = Double.parseDouble(value);
			return (weight <= 1) ? weight : 1;
		}

		// 2 for the answer itself, 1 for its type's range, 0 for */*, -1 for a range that
		// does not name it
		int specificityFor(String answer) {
			if (this.name.equals(answer)) {
				return 2;
			}
			if (this.name.equals("*/*")) {
				return 0;
			}
			return (this.name.endsWith("/*") && answer.startsWith(this.name.substring(0, this.name.length() - 1))) ? 1
					: -1;
		}

	}

}
