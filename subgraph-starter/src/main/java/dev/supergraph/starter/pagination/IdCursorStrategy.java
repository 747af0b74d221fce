package dev.supergraph.starter.pagination;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;

/**
 * Cursors of id-keyset pages: {@code <connection>:<id>} before base64 encoding, the
 * connection being the field and its other arguments ({@link CursorScope}), so a cursor
 * is refused by any other list. Strict on decoding, so a forged or garbled cursor is
 * refused instead of interpreted.
 * <p>
 * The earlier format, {@code id:<id>}, which named no connection, is still read for one
 * release: during a rolling deploy a client pages on replicas of both releases, and a
 * cursor the previous release issued continues the page after its row, as that release
 * read it. Its position has no connection, and only it writes the earlier format back
 * (for the check that a cursor is read only as written). Removed in the release after
 * ({@code docs/migrations.md}, release procedure).
 */
class IdCursorStrategy implements CursorStrategy<ScrollPosition> {

	static final String CONNECTION = "connection";

	static final String ID = "id";

	private static final Pattern CURSOR = Pattern.compile("(" + CursorScope.PATTERN + "):([0-9]{1,18})");

	private static final Pattern EARLIER_CURSOR = Pattern.compile("id:([0-9]{1,18})");

	/**
	 * The position after a row of a connection.
	 * @param connection the connection's scope
	 * @param id the row's id
	 * @return the position
	 */
	static ScrollPosition position(String connection, long id) {
		Map<String, Object> keys = new LinkedHashMap<>();
		keys.put(CONNECTION, connection);
		keys.put(ID, id);
		return ScrollPosition.forward(keys);
	}

	@Override
	public boolean supports(Class<?> targetType) {
		return ScrollPosition.class.isAssignableFrom(targetType);
	}

	/**
	 * Whether a position came from a cursor of the earlier format, which names no
	 * connection.
	 * @param position a position read from a cursor
	 * @return whether it continues any connection after its id
	 */
	static boolean ofEarlierFormat(KeysetScrollPosition position) {
		return !position.getKeys().containsKey(CONNECTION);
	}

	@Override
	public String toCursor(ScrollPosition position) {
		if (!(position instanceof KeysetScrollPosition keyset) || !(keyset.getKeys().get(ID) instanceof Number id)) {
			throw new IllegalArgumentException("Only positions by id have cursors");
		}
		if (ofEarlierFormat(keyset)) {
			return "id:" + id.longValue();
		}
		if (!(keyset.getKeys().get(CONNECTION) instanceof String connection)) {
			throw new IllegalArgumentException("Only positions in a connection by id have cursors");
		}
		return connection + ":" + id.longValue();
	}

	@Override
	public ScrollPosition fromCursor(String cursor) {
		Matcher matcher = CURSOR.matcher(cursor);
		if (matcher.matches()) {
			return position(matcher.group(1), Long.parseLong(matcher.group(2)));
		}
		Matcher earlier = EARLIER_CURSOR.matcher(cursor);
		if (earlier.matches()) {
			return ScrollPosition.forward(Map.of(ID, Long.parseLong(earlier.group(1))));
		}
		throw new IllegalArgumentException("Not a connection cursor");
	}

}
