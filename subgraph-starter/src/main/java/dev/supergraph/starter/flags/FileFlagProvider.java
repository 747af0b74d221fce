package dev.supergraph.starter.flags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenFeature provider of the platform's flags file: boolean flags with targeting by
 * user id, scope, client and a stable percentage of user ids (rules in
 * {@code docs/feature-flags.md}). The file is checked on a daemon thread every poll
 * interval; a change emits OpenFeature's configuration-changed event. An unknown flag, or
 * a flag asked for as another type, resolves to the caller's default with an error code.
 */
final class FileFlagProvider extends EventProvider {

	private static final Logger logger = LoggerFactory.getLogger(FileFlagProvider.class);

	private final FlagsFile file;

	private final Duration pollInterval;

	private @Nullable ScheduledExecutorService poller;

	FileFlagProvider(FlagsFile file, Duration pollInterval) {
		this.file = file;
		this.pollInterval = pollInterval;
	}

	@Override
	public Metadata getMetadata() {
		return () -> "supergraph-flags-file";
	}

	@Override
	public synchronized void initialize(EvaluationContext evaluationContext) {
		this.file.refresh();
		this.poller = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "feature-flags-file");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.pollInterval.toMillis();
		this.poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
	}

	// Never throws: a scheduled task that throws is never run again, and no later version
	// of the file would be read.
	private void poll() {
		try {
			Set<String> changed = this.file.refresh();
			if (!changed.isEmpty()) {
				emitProviderConfigurationChanged(
						ProviderEventDetails.builder().flagsChanged(new ArrayList<>(changed)).build());
			}
		}
		catch (RuntimeException ex) {
			logger.error("Feature flags: checking the file failed; checked again at the next poll", ex);
		}
	}

	@Override
	public synchronized void shutdown() {
		if (this.poller != null) {
			this.poller.shutdownNow();
			this.poller = null;
		}
		super.shutdown();
	}

	@Override
	public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue,
			EvaluationContext context) {
		Flag flag = this.file.current().flags().get(key);
		if (flag == null) {
			return error(defaultValue, ErrorCode.FLAG_NOT_FOUND);
		}
		return flag.evaluate(key, FlagCaller.of(context));
	}

	@Override
	public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext context) {
		return error(defaultValue, ErrorCode.TYPE_MISMATCH);
	}

	@Override
	public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue,
			EvaluationContext context) {
		return error(defaultValue, ErrorCode.TYPE_MISMATCH);
	}

	@Override
	public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext context) {
		return error(defaultValue, ErrorCode.TYPE_MISMATCH);
	}

	@Override
	public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext context) {
		return error(defaultValue, ErrorCode.TYPE_MISMATCH);
	}

	private static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code) {
		return ProviderEvaluation.<T>builder().value(defaultValue).reason(Reason.ERROR.name()).errorCode(code).build();
	}

}
