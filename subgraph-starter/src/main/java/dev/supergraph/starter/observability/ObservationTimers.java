package dev.supergraph.starter.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import net.ttddyy.observation.tracing.DataSourceBaseContext;

/**
 * The timers of finished observations, as Micrometer's default handler records them (the
 * observation's name, its low-cardinality key values and {@code error}), with each timer
 * looked up once per set of tags: the default builds the tags, the meter id and its hash
 * anew at every stop, twice per request (HTTP and {@code graphql.request}). Registered
 * ahead of Spring Boot's handler, which then sees no observation.
 * <p>
 * The JDBC observations get no meters: only a sampled trace makes them
 * ({@link SqlSpans}), so their timers would count a tenth of the statements;
 * {@code subgraph_sql_statements_total} counts all of them.
 */
final class ObservationTimers implements MeterObservationHandler<Observation.Context> {

	/**
	 * More distinct tag sets than this are looked up in the registry each time, uncached.
	 */
	static final int MAX_CACHED = 4096;

	private final MeterRegistry registry;

	private final boolean longTaskTimers;

	private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

	ObservationTimers(MeterRegistry registry, boolean longTaskTimers) {
		this.registry = registry;
		this.longTaskTimers = longTaskTimers;
	}

	@Override
	public void onStart(Observation.Context context) {
		if (context instanceof DataSourceBaseContext) {
			return;
		}
		if (this.longTaskTimers) {
			context.put(LongTaskTimer.Sample.class,
					this.registry.more()
						.longTaskTimer(context.getName() + ".active", tags(context.getLowCardinalityKeyValues()))
						.start());
		}
		context.put(Timer.Sample.class, Timer.start(this.registry));
	}

	@Override
	public void onStop(Observation.Context context) {
		Timer.Sample sample = context.get(Timer.Sample.class);
		if (sample == null) {
			return;
		}
		Throwable error = context.getError();
		sample.stop(timer(new Key(context.getName(), context.getLowCardinalityKeyValues(),
				(error != null) ? error.getClass().getSimpleName() : KeyValue.NONE_VALUE)));
		LongTaskTimer.Sample active = context.get(LongTaskTimer.Sample.class);
		if (active != null) {
			active.stop();
		}
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		if (context instanceof DataSourceBaseContext) {
			return;
		}
		Counter.builder(context.getName() + "." + event.getName())
			.tags(tags(context.getLowCardinalityKeyValues()))
			.register(this.registry)
			.increment();
	}

	private Timer timer(Key key) {
		Timer timer = this.timers.get(key);
		if (timer != null) {
			return timer;
		}
		List<Tag> tags = tags(key.keyValues());
		tags.add(Tag.of("error", key.error()));
		timer = this.registry.timer(key.name(), tags);
		if (this.timers.size() < MAX_CACHED) {
			this.timers.putIfAbsent(key, timer);
		}
		return timer;
	}

	private static List<Tag> tags(KeyValues keyValues) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : keyValues) {
			tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return tags;
	}

	private record Key(String name, KeyValues keyValues, String error) {
	}

}
