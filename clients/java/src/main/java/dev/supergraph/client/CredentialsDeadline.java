package dev.supergraph.client;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpHeaders;

/**
 * Obtains the {@code Credentials}' headers within the call's {@link Deadline}, as the
 * TypeScript client bounds its token function. The supplier runs on a daemon thread of
 * the client's, so neither the deadline nor the caller needs the other's thread: the
 * caller waits at most until the deadline, an interrupt of the caller ends the wait and
 * stays the caller's, and a supplier past the deadline is interrupted on its own thread
 * (one that ignores that runs on, but what it gives is not used).
 */
final class CredentialsDeadline {

	private static final ExecutorService suppliers = Executors.newCachedThreadPool((task) -> {
		Thread supplier = new Thread(task, "supergraph-client-credentials");
		supplier.setDaemon(true);
		return supplier;
	});

	private CredentialsDeadline() {
	}

	/**
	 * The headers {@code credentials} set, obtained before {@code deadline}.
	 * @param credentials what obtains them
	 * @param deadline the call's deadline
	 * @return the headers
	 * @throws TimeoutException when the deadline passed first
	 * @throws InterruptedException when the caller was interrupted while it waited; its
	 * interrupt flag is then clear, as {@link Future#get} leaves it
	 * @throws RuntimeException what the supplier threw
	 */
	static HttpHeaders obtain(SupergraphClient.Credentials credentials, Deadline deadline)
			throws TimeoutException, InterruptedException {
		Future<HttpHeaders> obtaining = suppliers.submit(() -> {
			HttpHeaders headers = new HttpHeaders();
			// the JDK's own refusal of a value would repeat it
			credentials.apply((name, value) -> headers.set(name, HeaderValues.credentialHeader(name, value)));
			return headers;
		});
		try {
			return obtaining.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		finally {
			// a no-op when it finished: else the supplier's own thread is interrupted
			obtaining.cancel(true);
		}
	}

}
