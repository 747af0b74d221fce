package dev.supergraph.starter.pagination;

import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import dev.supergraph.starter.errors.SubgraphException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.pagination.CursorStrategy;

/**
 * Turns {@code first}/{@code after} arguments into a validated {@link PageRequest} and a
 * fetched page into a {@link Window}, which Spring for GraphQL renders as a Relay
 * connection with cursors.
 */
public final class KeysetPages {

	private final PaginationProperties properties;

	private final CursorStrategy<ScrollPosition> cursors;

	KeysetPages(PaginationProperties properties, CursorStrategy<ScrollPosition> cursors) {
		this.properties = properties;
		this.cursors = cursors;
	}

	/**
	 * Validate the arguments of a connection field.
	 * @param first the requested page size, or {@code null} for the default
	 * @param after the cursor to continue after, or {@code null} for the first page
	 * @return the page request
	 * @throws SubgraphException with {@code BAD_USER_INPUT} for a bad size or cursor
	 */
	public PageRequest request(@Nullable Integer first, @Nullable String after) {
		int size = (first != null) ? first : this.properties.defaultSize();
		if (size < 0 || size > this.properties.maxSize()) {
			throw SubgraphException.badInput("input.pageSize", this.properties.maxSize());
		}
		return new PageRequest(size, (after != null) ? decode(after) : 0);
	}

	/**
	 * Build the window of a page from rows fetched with {@link PageRequest#fetchSize()}.
	 * @param <T> the row type
	 * @param rows the fetched rows in id order
	 * @param request the page request
	 * @param idOf the id of a row
	 * @return the window with its cursors and whether a next page exists
	 */
	public <T> Window<T> window(List<T> rows, PageRequest request, ToLongFunction<T> idOf) {
		List<T> page = (rows.size() > request.size()) ? rows.subList(0, request.size()) : rows;
		return Window.from(page, (index) -> ScrollPosition.forward(Map.of("id", idOf.applyAsLong(page.get(index)))),
				rows.size() > request.size());
	}

	private long decode(String cursor) {
		try {
			ScrollPosition position = this.cursors.fromCursor(cursor);
			if (position instanceof KeysetScrollPosition keyset && keyset.getKeys().get("id") instanceof Long id) {
				return id;
			}
		}
		catch (RuntimeException ex) {
			// fall through: any undecodable cursor is the caller's mistake
		}
		throw SubgraphException.badInput("input.invalidCursor");
	}

}
