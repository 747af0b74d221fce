package dev.supergraph.orders.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The digest stored with an order to tell a replay of its idempotency key (same items)
 * from a reuse of the key for other items: SHA-256 of the lines normalised as
 * {@code productId x quantity}, sorted by product, so the line order does not matter.
 */
public final class ItemsDigest {

	private ItemsDigest() {
	}

	/**
	 * The digest of an order's lines.
	 * @param quantities the quantity of each (distinct) product
	 * @return 64 hex digits
	 */
	public static String of(Map<Long, Integer> quantities) {
		SortedMap<Long, Integer> sorted = new TreeMap<>(quantities);
		String normalised = sorted.entrySet()
			.stream()
			.map((line) -> line.getKey() + "x" + line.getValue())
			.collect(Collectors.joining(","));
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
