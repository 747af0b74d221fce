package dev.supergraph.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * The GraphQL documents of the tests, by name, from {@code graphql-test/}.
 */
final class Documents {

	private Documents() {
	}

	static String named(String name) {
		try {
			return new ClassPathResource("graphql-test/" + name + ".graphql")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
