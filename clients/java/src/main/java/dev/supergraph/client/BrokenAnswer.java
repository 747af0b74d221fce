package dev.supergraph.client;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

/**
 * An answer that is not HTTP: nothing in it can be trusted, its status no more than its
 * body, so it is {@link ClientErrorReason#UNREACHABLE}, as when no answer came back
 * ({@code contract/client-responses.json}, {@code brokenAnswers}). The JDK's client lets
 * some through: a {@code Content-Length} beyond 64 bits or not a number escapes it as a
 * {@link NumberFormatException}, a negative one is read as a body cut off, and of two
 * different ones the first is taken, where RFC 9112 has the recipient give up.
 */
final class BrokenAnswer extends IOException {

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[ \t]*,[ \t]*");

	BrokenAnswer(String message, Throwable cause) {
		super(message, cause);
	}

	private BrokenAnswer(String message) {
		super(message);
	}

	/**
	 * Refuses an answer whose {@code Content-Length} values are not all one number of
	 * ASCII digits.
	 * @param headers the answer's headers
	 * @throws BrokenAnswer when they are not
	 */
	static void checkContentLength(HttpHeaders headers) throws BrokenAnswer {
		List<String> values = headers.getOrEmpty(HttpHeaders.CONTENT_LENGTH)
			.stream()
			.flatMap((value) -> LIST_SEPARATOR.splitAsStream(value.strip()))
			.distinct()
			.toList();
		if (values.size() > 1 || (values.size() == 1 && !DIGITS.matcher(values.get(0)).matches())) {
			throw new BrokenAnswer("an answer that is not HTTP: Content-Length " + String.join(", ", values));
		}
	}

	/**
	 * Refuses an answer whose {@code Transfer-Encoding} is anything but {@code chunked}
	 * alone, or comes with a {@code Content-Length}: RFC 9112 has such an answer handled
	 * as an error (its end is ambiguous, the JDK took the {@code Content-Length}'s), and
	 * the client asked for no other transfer coding (the JDK hands such a body over still
	 * chunked, fetch dechunked).
	 * @param headers the answer's headers
	 * @throws BrokenAnswer when it is
	 */
	static void checkTransferEncoding(HttpHeaders headers) throws BrokenAnswer {
		List<String> codings = headers.getOrEmpty(HttpHeaders.TRANSFER_ENCODING);
		if (codings.isEmpty()) {
			return;
		}
		String coding = String.join(", ", codings);
		if (!coding.strip().equalsIgnoreCase("chunked")) {
			throw new BrokenAnswer("an answer that is not HTTP: Transfer-Encoding " + coding);
		}
		if (headers.containsHeader(HttpHeaders.CONTENT_LENGTH)) {
			throw new BrokenAnswer("an answer that is not HTTP: Transfer-Encoding with Content-Length");
		}
	}

}
