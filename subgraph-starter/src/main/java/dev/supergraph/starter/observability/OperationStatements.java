package dev.supergraph.starter.observability;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.context.ContextRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The database round trips of the current request, counted as they happen. Held in a
 * thread local that Spring for GraphQL carries to resolvers and batch loaders on other
 * threads (registered with Micrometer's context propagation), so every statement of an
 * operation is counted however it is scheduled.
 */
final class OperationStatements {

	private static final ThreadLocal<AtomicInteger> CURRENT = new ThreadLocal<>();

	static {
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(OperationStatements.class.getName(), CURRENT::get, CURRENT::set,
					CURRENT::remove);
	}

	private OperationStatements() {
	}

	static AtomicInteger begin() {
		AtomicInteger count = new AtomicInteger();
		CURRENT.set(count);
		return count;
	}

	static void end() {
		CURRENT.remove();
	}

	static @Nullable AtomicInteger current() {
		return CURRENT.get();
	}

	static void counted() {
		AtomicInteger count = CURRENT.get();
		if (count != null) {
			count.incrementAndGet();
		}
	}

}
