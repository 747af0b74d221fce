package dev.supergraph.schematools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Test fixtures: a copy of the platform's golden subgraph SDL, composed supergraph and
 * reference operations, so the tools are exercised on the real shapes.
 */
public final class Fixtures {

	private Fixtures() {
	}

	public static Path path(String name) {
		try {
			return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/fixtures/" + name), name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String read(String name) {
		try {
			return Files.readString(path(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replaces text that must be present, so a fixture edit cannot silently do nothing.
	 */
	public static String edit(String text, String from, String to) {
		if (!text.contains(from)) {
			throw new IllegalArgumentException("fixture does not contain: " + from);
		}
		return text.replace(from, to);
	}

}
