package dev.supergraph.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Runs one exchange so that interrupting the caller's thread ends it at once, whether the
 * answer has not begun or its body is still coming: the JDK's client ignores an interrupt
 * while a body is read (it keeps waiting for the next bytes until the timeout, and clears
 * the thread's interrupt flag). The exchange runs on a worker; the caller waits for it,
 * and on an interrupt interrupts the worker, closes the body in flight, keeps its own
 * interrupt flag set and returns without waiting.
 */
final class CallerAbort {

	private static final ExecutorService workers = Executors.newCachedThreadPool((task) -> {
		Thread worker = new Thread(task, "supergraph-client-exchange");
		worker.setDaemon(true);
		return worker;
	});

	private @Nullable InputStream body;

	private boolean aborted;

	/**
	 * The body being read, to be closed when the caller is interrupted.
	 * @param body the answer's body
	 */
	synchronized void reading(InputStream body) {
		this.body = body;
		if (this.aborted) {
			closeBody();
		}
	}

	/**
	 * Runs the exchange on a worker and waits for it.
	 * @param exchange the exchange, which calls {@link #reading} with the answer's body
	 * @param abortedResult the result when the caller is interrupted
	 * @return the exchange's result, or {@code abortedResult}'s
	 */
	<T> T run(Callable<T> exchange, Supplier<T> abortedResult) {
		Future<T> running = workers.submit(exchange);
		try {
			return running.get();
		}
		catch (InterruptedException ex) {
			running.cancel(true);
			abort();
			Thread.currentThread().interrupt();
			return abortedResult.get();
		}
		catch (ExecutionException ex) {
			// only a programmer error gets here: the exchange turns every failure on the
			// wire into a result
			if (ex.getCause() instanceof RuntimeException unchecked) {
				throw unchecked;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private synchronized void abort() {
		this.aborted = true;
		closeBody();
	}

	private void closeBody() {
		try {
			if (this.body != null) {
				this.body.close();
			}
		}
		catch (IOException ex) {
			// the exchange ends either way, by its timeout at the latest
		}
	}

}
