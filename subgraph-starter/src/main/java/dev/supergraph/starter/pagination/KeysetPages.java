package dev.supergraph.starter.pagination;

import java.util.List;
import java.util.function.ToLongFunction;

import dev.supergraph.starter.errors.SubgraphException;
import graphql.relay.Connection;
import graphql.relay.ConnectionCursor;
import graphql.relay.DefaultConnection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;

/**
 * Turns a connection field's {@code first}/{@code after} arguments into a validated
 * {@link PageRequest} and a fetched page into a Relay {@link Connection} with cursors
 * bound to the field and its other arguments.
 */
public final class KeysetPages {

	private final PaginationProperties properties;

	private final CursorStrategy<ScrollPosition> cursors;

	private final DeclaredPageSizes pageSizes = new DeclaredPageSizes();

	KeysetPages(PaginationProperties properties, CursorStrategy<ScrollPosition> cursors) {
		this.properties = properties;
		this.cursors = cursors;
	}

	/**
	 * Validate the {@code first} and {@code after} arguments of the connection field
	 * being fetched; without {@code first} (omitted or null), the page has the field's
	 * {@code @listSize(assumedSize: …)}.
	 * @param environment the field's environment
	 * @return the page request
	 * @throws SubgraphException with {@code BAD_USER_INPUT} for a bad size, or a cursor
	 * that is malformed or belongs to another field or other arguments
	 */
	public PageRequest request(DataFetchingEnvironment environment) {
		Integer first = environment.getArgument(PagingArguments.FIRST);
		int size = (first != null) ? first : defaultSize(environment);
		return request(size, environment.getArgument(PagingArguments.AFTER), CursorScope.of(environment));
	}

	PageRequest request(int size, @Nullable String after, String connection) {
		if (size < 0 || size > this.properties.maxSize()) {
			throw SubgraphException.badInput("input.pageSize", this.properties.maxSize());
		}
		return new PageRequest(size, (after != null) ? decode(after, connection) : 0, connection);
	}

	/**
	 * Build the connection of a page from rows fetched with
	 * {@link PageRequest#fetchSize()}. Built here rather than by Spring for GraphQL from
	 * a {@code Window}, which answers every empty page with {@code hasNextPage: false},
	 * even {@code first: 0} before more rows.
	 * @param <T> the row type
	 * @param rows the fetched rows in id order
	 * @param request the page request
	 * @param idOf the id of a row
	 * @return the connection with its edges and whether rows follow them;
	 * {@code hasPreviousPage} is {@code false}, as the Relay spec allows a forward page
	 */
	public <T> Connection<T> connection(List<T> rows, PageRequest request, ToLongFunction<T> idOf) {
		List<Edge<T>> edges = rows.stream().limit(request.size()).map((row) -> edge(row, request, idOf)).toList();
		ConnectionCursor start = edges.isEmpty() ? null : edges.get(0).getCursor();
		ConnectionCursor end = edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor();
		return new DefaultConnection<>(edges, new DefaultPageInfo(start, end, false, rows.size() > request.size()));
	}

	private <T> Edge<T> edge(T row, PageRequest request, ToLongFunction<T> idOf) {
		ScrollPosition position = IdCursorStrategy.position(request.connection(), idOf.applyAsLong(row));
		return new DefaultEdge<>(row, new DefaultConnectionCursor(this.cursors.toCursor(position)));
	}

	private int defaultSize(DataFetchingEnvironment environment) {
		return this.pageSizes.of(environment.getGraphQLSchema(), environment.getFieldDefinition());
	}

	private long decode(String cursor, String connection) {
		try {
			ScrollPosition position = this.cursors.fromCursor(cursor);
			// Read back only as written, so that a position has one cursor; one of the
			// earlier format continues any connection, as the release that wrote it did
			if (position instanceof KeysetScrollPosition keyset
					&& (IdCursorStrategy.ofEarlierFormat(keyset)
							|| connection.equals(keyset.getKeys().get(IdCursorStrategy.CONNECTION)))
					&& keyset.getKeys().get(IdCursorStrategy.ID) instanceof Long id
					&& this.cursors.toCursor(position).equals(cursor)) {
				return id;
			}
		}
		catch (RuntimeException ex) {
			// fall through: any undecodable cursor is the caller's mistake
		}
		throw SubgraphException.badInput("input.invalidCursor");
	}

}
