package dev.supergraph.starter.execution;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;
import graphql.schema.fetching.LambdaFetchingSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads one field from its parent object as graphql-java's default fetcher does, with the
 * getter remembered for the last parent class seen. The default fetcher serves every
 * field of the schema: each read builds a cache key of the parent's class and the field
 * name and looks the getter up in a shared map, about 800 times for 100 entities. One
 * field almost always has parents of one class, so this reader finds its getter by one
 * class comparison; parents of several classes find theirs in the reader's own map.
 * <p>
 * The getter is the one graphql-java would use first: {@link LambdaFetchingSupport}'s
 * function for a record-style, {@code get} or {@code is} method. A parent that is a
 * {@link Map} is read by key, and for a class without such a method (a public field, a
 * method that takes the environment) graphql-java's own fetcher reads the field. Like
 * that fetcher it is a {@link LightDataFetcher}, so it stays trivial to the
 * instrumentations and needs no {@link DataFetchingEnvironment}.
 */
final class PropertyReader implements LightDataFetcher<@Nullable Object> {

	private final String property;

	// a parent class and its getter, replaced together; null read: graphql-java's fetcher
	private volatile @Nullable Getter last;

	// every parent class seen, so parents of alternating classes make each getter once
	private final Map<Class<?>, Getter> seen = new ConcurrentHashMap<>();

	PropertyReader(String property) {
		this.property = property;
	}

	@Override
	public @Nullable Object get(GraphQLFieldDefinition field, @Nullable Object source,
			Supplier<DataFetchingEnvironment> environment) throws Exception {
		if (source == null) {
			return null;
		}
		if (source instanceof Map<?, ?> map) {
			return map.get(this.property);
		}
		Getter getter = this.last;
		if (getter == null || getter.type() != source.getClass()) {
			getter = this.seen.computeIfAbsent(source.getClass(), (type) -> Getter.of(type, this.property));
			this.last = getter;
		}
		Function<Object, @Nullable Object> read = getter.read();
		return (read != null) ? read.apply(source)
				: SingletonPropertyDataFetcher.singleton().get(field, source, environment);
	}

	@Override
	public @Nullable Object get(DataFetchingEnvironment environment) throws Exception {
		return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
	}

	private record Getter(Class<?> type, @Nullable Function<Object, @Nullable Object> read) {

		static Getter of(Class<?> type, String property) {
			Optional<Function<Object, Object>> read;
			try {
				read = LambdaFetchingSupport.createGetter(type, property);
			}
			catch (LinkageError ex) {
				// as graphql-java does when it cannot make the function: read by
				// reflection
				read = Optional.empty();
			}
			return new Getter(type, read.orElse(null));
		}

	}

}
