package dev.supergraph.client;

import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClientException;

/**
 * What went wrong when no answer came back, told from the exception chain: Spring's
 * message alone ends in the JDK's, often {@code null} ("I/O error on POST request …:
 * null").
 */
final class TransportFailure {

	private TransportFailure() {
	}

	/**
	 * Whether the failure is the timeout: past the deadline the body's stream is closed,
	 * and reading it fails with a plain IOException ("closed"), so the time tells it
	 * apart.
	 */
	static boolean timedOut(RestClientException failure, Deadline deadline) {
		return cause(failure, HttpTimeoutException.class) != null || deadline.passed();
	}

	static String notWithin(URI endpoint, Duration timeout) {
		return "the router did not answer within " + seconds(timeout) + " s (" + endpoint + ")";
	}

	static String describe(RestClientException failure, URI endpoint, Deadline deadline) {
		if (timedOut(failure, deadline)) {
			return notWithin(endpoint, deadline.timeout());
		}
		if (cause(failure, UnresolvedAddressException.class) != null
				|| cause(failure, UnknownHostException.class) != null) {
			return "unknown host " + endpoint.getHost() + " (" + endpoint + ")";
		}
		ConnectException refused = cause(failure, ConnectException.class);
		if (refused != null) {
			return "could not connect to the router: "
					+ ((refused.getMessage() != null) ? refused.getMessage() : "connection refused") + " (" + endpoint
					+ ")";
		}
		return "the router did not answer: " + innermost(failure) + " (" + endpoint + ")";
	}

	static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	static String seconds(Duration timeout) {
		return BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
	}

	private static String innermost(Throwable failure) {
		Throwable innermost = failure;
		while (innermost.getCause() != null) {
			innermost = innermost.getCause();
		}
		return (innermost.getMessage() != null) ? innermost.getMessage() : innermost.getClass().getSimpleName();
	}

}
