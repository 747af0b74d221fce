package dev.supergraph.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Runs one exchange so that interrupting the caller's thread, or the call's
 * {@link Deadline}, ends it at once, whether the answer has not begun or its body is
 * still coming: the JDK's client ignores an interrupt while a body is read (it keeps
 * waiting for the next bytes until its own timeout, and clears the thread's interrupt
 * flag), and its timeout, set once per client, knows nothing of the time the credentials
 * took. The exchange runs on a worker; the caller waits for it until the deadline, and on
 * an interrupt or at the deadline interrupts the worker, closes the body in flight and
 * returns without waiting, its own interrupt flag kept.
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
	 * Runs the exchange on a worker and waits for it until {@code deadline}.
	 * @param exchange the exchange, which calls {@link #reading} with the answer's body
	 * @param deadline the call's deadline
	 * @param timedOutResult the result when the deadline passes first
	 * @param abortedResult the result when the caller is interrupted
	 * @return the exchange's result, or {@code timedOutResult}'s or
	 * {@code abortedResult}'s
	 */
	<T> T run(Callable<T> exchange, Deadline deadline, Supplier<T> timedOutResult, Supplier<T> abortedResult) {
		Future<T> running = workers.submit(exchange);
		try {
			return running.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			abandon(running);
			return timedOutResult.get();
		}
		catch (InterruptedException ex) {
			abandon(running);
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

	private void abandon(Future<?> running) {
		running.cancel(true);
		abort();
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
