package dev.supergraph.client;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time a {@code Credentials} supplier takes by the client's timeout, as the
 * TypeScript client bounds its token function, on the calling thread where the supplier
 * must run (its session or security context is bound to it): at the deadline the calling
 * thread is interrupted, which ends a supplier waiting on anything that heeds interrupts
 * (a lock, a queue, the JDK's HTTP client), and that interrupt is taken back when it
 * returns. A supplier that ignores interrupts keeps the caller until it returns; past the
 * deadline, what it gave is not used.
 */
final class CredentialsDeadline {

	private static final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread alarm = new Thread(task, "supergraph-client-credentials-deadline");
		alarm.setDaemon(true);
		return alarm;
	});

	private final Thread caller = Thread.currentThread();

	private boolean finished;

	private boolean expired;

	private CredentialsDeadline() {
	}

	/**
	 * Runs {@code supplier} on the calling thread within {@code timeout}.
	 * @param timeout the client's timeout
	 * @param supplier what obtains the credentials
	 * @return whether it finished in time; a failure of a supplier that did is thrown
	 */
	static boolean within(Duration timeout, Runnable supplier) {
		CredentialsDeadline deadline = new CredentialsDeadline();
		ScheduledFuture<?> alarm = alarms.schedule(deadline::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
		try {
			supplier.run();
		}
		catch (RuntimeException ex) {
			if (deadline.finish(alarm)) {
				throw ex;
			}
			return false;
		}
		return deadline.finish(alarm);
	}

	private synchronized void expire() {
		if (!this.finished) {
			this.expired = true;
			this.caller.interrupt();
		}
	}

	private synchronized boolean finish(ScheduledFuture<?> alarm) {
		this.finished = true;
		alarm.cancel(false);
		if (this.expired) {
			// the deadline's interrupt, not the caller's
			Thread.interrupted();
		}
		return !this.expired;
	}

}
