package dev.supergraph.schematools.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.supergraph.schematools.FileProblems;
import dev.supergraph.schematools.SchemaToolsException;
import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.operations.OperationValidator;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;

/**
 * Rewrites the selections of deprecated fields in their files, in place: only the field's
 * name changes, behind an alias that keeps the result's key ({@code oldField} becomes
 * {@code oldField: newField}, {@code alias: oldField} becomes {@code alias: newField}),
 * so comments and layout stay as they were.
 */
public final class OperationRewriter {

	private OperationRewriter() {
	}

	/**
	 * Rewrites every selection that can be rewritten.
	 * @param schema the API schema the rewritten operations must validate against
	 * @param selections the selections, from {@link DeprecatedSelections}
	 * @return the files written
	 */
	public static List<Path> write(GraphQLSchema schema, List<DeprecatedSelection> selections) {
		Map<String, List<DeprecatedSelection>> byFile = selections.stream()
			.filter((selection) -> selection.refusal() == null)
			.collect(Collectors.groupingBy(DeprecatedSelection::file, LinkedHashMap::new, Collectors.toList()));
		List<Path> written = new ArrayList<>();
		for (Map.Entry<String, List<DeprecatedSelection>> entry : byFile.entrySet()) {
			Path file = Path.of(entry.getKey());
			String text = rewrite(read(file), entry.getValue());
			List<String> errors = validate(schema, file, text);
			if (!errors.isEmpty()) {
				throw new SchemaToolsException(
						"the rewrite of " + file + " would not validate, left unchanged: " + String.join("; ", errors));
			}
			try {
				Files.writeString(file, text);
			}
			catch (IOException ex) {
				throw new SchemaToolsException("cannot write " + file + ": " + FileProblems.reason(ex), ex);
			}
			written.add(file);
		}
		return written;
	}

	static String rewrite(String text, List<DeprecatedSelection> selections) {
		StringBuilder result = new StringBuilder(text);
		// from the end, so earlier offsets stay valid
		List<DeprecatedSelection> ordered = selections.stream()
			.sorted(Comparator.comparingInt(DeprecatedSelection::line)
				.thenComparingInt(DeprecatedSelection::column)
				.reversed())
			.toList();
		for (DeprecatedSelection selection : ordered) {
			int offset = offset(text, selection.line(), selection.column());
			String key = (selection.alias() != null) ? selection.alias() : selection.field();
			Matcher matcher = Pattern
				.compile(Pattern.quote(key) + ((selection.alias() != null) ? "\\s*:\\s*" : "")
						+ ((selection.alias() != null) ? Pattern.quote(selection.field()) : "") + "(?![_0-9A-Za-z])")
				.matcher(text);
			if (!matcher.region(offset, text.length()).lookingAt()) {
				throw new SchemaToolsException("cannot find " + selection.coordinate() + " at " + selection.file() + ":"
						+ selection.line() + ":" + selection.column());
			}
			result.replace(matcher.start(), matcher.end(), selection.rewritten());
		}
		return result.toString();
	}

	private static int offset(String text, int line, int column) {
		int offset = 0;
		for (int current = 1; current < line; current++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + column - 1;
	}

	private static List<String> validate(GraphQLSchema schema, Path file, String text) {
		try {
			return OperationValidator.validate(schema, new Operation(file.toString(), file, Parser.parse(text)));
		}
		catch (InvalidSyntaxException ex) {
			return List.of(ex.getMessage());
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot read " + file + ": " + FileProblems.reason(ex), ex);
		}
	}

}
