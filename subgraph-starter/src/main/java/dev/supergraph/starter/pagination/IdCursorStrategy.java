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
 */
class IdCursorStrategy implements CursorStrategy<ScrollPosition> {

	static final String CONNECTION = "connection";

	static final String ID = "id";

	private static final Pattern CURSOR = Pattern.compile("(" + CursorScope.PATTERN + "):([0-9]{1,18})");

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

	@Override
	public String toCursor(ScrollPosition position) {
		if (!(position instanceof KeysetScrollPosition keyset)
				|| !(keyset.getKeys().get(CONNECTION) instanceof String connection)
				|| !(keyset.getKeys().get(ID) instanceof Number id)) {
			throw new IllegalArgumentException("Only positions in a connection by id have cursors");
		}
		return connection + ":" + id.longValue();
	}

	@Override
	public ScrollPosition fromCursor(String cursor) {
		Matcher matcher = CURSOR.matcher(cursor);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a connection cursor");
		}
		return position(matcher.group(1), Long.parseLong(matcher.group(2)));
	}

}
