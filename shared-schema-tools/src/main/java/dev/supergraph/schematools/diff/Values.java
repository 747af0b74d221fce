package dev.supergraph.schematools.diff;

import graphql.language.AstPrinter;
import graphql.language.Node;
import graphql.schema.InputValueWithState;
import org.jspecify.annotations.Nullable;

/**
 * Prints default and argument values so that two schema versions can be compared as text.
 */
public final class Values {

	private Values() {
	}

	public static @Nullable String print(InputValueWithState value) {
		if (value.isNotSet()) {
			return null;
		}
		Object raw = value.getValue();
		if (raw instanceof Node<?> node) {
			return AstPrinter.printAstCompact(node);
		}
		return String.valueOf(raw);
	}

}
