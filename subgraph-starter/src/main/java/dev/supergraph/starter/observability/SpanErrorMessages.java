package dev.supergraph.starter.observability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * No span leaves the subgraph with an error's message: a span records the exception of a
 * failed observation (a resolver, a DataLoader batch, a JDBC statement, the request) as
 * an {@code exception} event with its message and stack trace, and as the span's status;
 * and a message may hold what a client sent or what a row holds (PostgreSQL's
 * {@code Detail: Failing row contains (…)}, {@code Key (sku)=(…) already exists}), which
 * no span may carry (docs/observability.md "Traces"). Every {@link SpanExporter} is
 * wrapped: an exception event keeps its type and the frames of its stack, each
 * {@code Caused by} its type; the message is withheld, unless the exception is a
 * {@link dev.supergraph.starter.errors.SubgraphException}, whose message is its code and
 * message key by construction. The status keeps its code.
 */
final class SpanErrorMessages implements SpanExporter {

	static final String WITHHELD = "The message is withheld: it may hold what a client sent or a row holds";

	private static final AttributeKey<String> TYPE = AttributeKey.stringKey("exception.type");

	private static final AttributeKey<String> MESSAGE = AttributeKey.stringKey("exception.message");

	private static final AttributeKey<String> STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

	private static final String VALUE_FREE = "dev.supergraph.starter.errors.SubgraphException";

	private final SpanExporter delegate;

	SpanErrorMessages(SpanExporter delegate) {
		this.delegate = delegate;
	}

	/**
	 * Wraps every {@link SpanExporter} bean, the one Spring Boot makes from
	 * {@code management.opentelemetry.tracing.export.otlp.*} among them.
	 * @return the post-processor
	 */
	static BeanPostProcessor wrappingExporters() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof SpanExporter exporter && !(bean instanceof SpanErrorMessages))
						? new SpanErrorMessages(exporter) : bean;
			}
		};
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		List<SpanData> withheld = new ArrayList<>(spans.size());
		for (SpanData span : spans) {
			withheld.add(withoutMessages(span));
		}
		return this.delegate.export(withheld);
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	static SpanData withoutMessages(SpanData span) {
		boolean failed = span.getStatus().getStatusCode() == StatusCode.ERROR
				&& !span.getStatus().getDescription().isEmpty();
		boolean exceptions = span.getEvents()
			.stream()
			.anyMatch((event) -> event.getAttributes().get(MESSAGE) != null
					|| event.getAttributes().get(STACKTRACE) != null);
		if (!failed && !exceptions) {
			return span;
		}
		List<EventData> events = span.getEvents().stream().map(SpanErrorMessages::withoutMessage).toList();
		StatusData status = failed ? StatusData.create(StatusCode.ERROR, WITHHELD) : span.getStatus();
		return new DelegatingSpanData(span) {
			@Override
			public List<EventData> getEvents() {
				return events;
			}

			@Override
			public StatusData getStatus() {
				return status;
			}
		};
	}

	private static EventData withoutMessage(EventData event) {
		Attributes attributes = event.getAttributes();
		String message = attributes.get(MESSAGE);
		String stack = attributes.get(STACKTRACE);
		if (message == null && stack == null) {
			return event;
		}
		boolean valueFree = VALUE_FREE.equals(attributes.get(TYPE));
		AttributesBuilder builder = attributes.toBuilder();
		if (message != null && !valueFree) {
			builder.put(MESSAGE, WITHHELD);
		}
		if (stack != null) {
			builder.put(STACKTRACE, valueFree ? stack : framesOnly(stack));
		}
		return EventData.create(event.getEpochNanos(), event.getName(), builder.build(),
				event.getTotalAttributeCount());
	}

	/**
	 * A Java stack trace's frames, and of each cause its type: the lines of a message
	 * (the first line's rest, and any line of a message over several lines) go.
	 * @param stack the stack trace as {@link Throwable#printStackTrace()} writes it
	 * @return the frames
	 */
	static String framesOnly(String stack) {
		StringBuilder frames = new StringBuilder();
		String[] lines = stack.split("\r?\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			String trimmed = line.stripLeading();
			String kept = null;
			if (trimmed.startsWith("at ") || (trimmed.startsWith("... ") && trimmed.endsWith(" more"))) {
				kept = line;
			}
			else if (i == 0) {
				kept = typeOf(line);
			}
			else if (trimmed.startsWith("Caused by: ") || trimmed.startsWith("Suppressed: ")) {
				int prefix = line.indexOf(':') + 2;
				kept = line.substring(0, prefix) + typeOf(line.substring(prefix));
			}
			if (kept != null) {
				frames.append(kept).append('\n');
			}
		}
		return frames.toString();
	}

	private static String typeOf(String header) {
		int colon = header.indexOf(": ");
		return (colon < 0) ? header : header.substring(0, colon);
	}

}
