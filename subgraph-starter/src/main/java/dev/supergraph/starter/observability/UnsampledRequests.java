package dev.supergraph.starter.observability;

import io.micrometer.context.ContextRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The request being handled, when its caller (the router, or a subgraph calling another)
 * decided not to sample its trace: its {@code traceparent}, held in a thread local that
 * Spring for GraphQL carries to resolvers and batch loaders on other threads. While it is
 * set, the subgraph makes no span ({@link UnsampledRequestTracing}), hands out JDBC
 * connections without the tracing proxy, and passes the same {@code traceparent} on to
 * the subgraphs it calls, so that they follow the same decision.
 */
public final class UnsampledRequests {

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	static {
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(UnsampledRequests.class.getName(), CURRENT::get, CURRENT::set,
					CURRENT::remove);
	}

	private UnsampledRequests() {
	}

	static void begin(String traceparent) {
		CURRENT.set(traceparent);
	}

	static void end() {
		CURRENT.remove();
	}

	/**
	 * The {@code traceparent} of the unsampled request this thread works for.
	 * @return the header as received, or {@code null} when the request's trace is
	 * sampled, when it came without one, or outside any request
	 */
	public static @Nullable String traceparent() {
		return CURRENT.get();
	}

}
