package dev.supergraph.starter.pagination;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;

/**
 * Cursors of id-keyset pages: {@code id:<number>} before base64 encoding. Strict on
 * decoding, so a forged or garbled cursor is refused instead of interpreted.
 */
class IdCursorStrategy implements CursorStrategy<ScrollPosition> {

	private static final Pattern CURSOR = Pattern.compile("id:([0-9]{1,18})");

	@Override
	public boolean supports(Class<?> targetType) {
		return ScrollPosition.class.isAssignableFrom(targetType);
	}

	@Override
	public String toCursor(ScrollPosition position) {
		if (!(position instanceof KeysetScrollPosition keyset) || !(keyset.getKeys().get("id") instanceof Number id)) {
			throw new IllegalArgumentException("Only id keyset positions have cursors");
		}
		return "id:" + id.longValue();
	}

	@Override
	public ScrollPosition fromCursor(String cursor) {
		Matcher matcher = CURSOR.matcher(cursor);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not an id cursor");
		}
		return ScrollPosition.forward(Map.of("id", Long.parseLong(matcher.group(1))));
	}

}
