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

import dev.supergraph.schematools.DocumentParser;
import dev.supergraph.schematools.FileProblems;
import dev.supergraph.schematools.FileWrites;
import dev.supergraph.schematools.SchemaToolsException;
import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.operations.OperationValidator;
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
	 * Rewrites every selection that can be rewritten. Every file is rewritten and
	 * validated before any is written: a file that would not validate, or that is a
	 * symbolic link, leaves all of them unchanged.
	 * @param schema the API schema the rewritten operations must validate against
	 * @param selections the selections, from {@link DeprecatedSelections}
	 * @return the files written
	 */
	public static List<Path> write(GraphQLSchema schema, List<DeprecatedSelection> selections) {
		Map<String, List<DeprecatedSelection>> byFile = selections.stream()
			.filter((selection) -> selection.refusal() == null)
			.collect(Collectors.groupingBy(DeprecatedSelection::file, LinkedHashMap::new, Collectors.toList()));
		Map<Path, String> rewritten = new LinkedHashMap<>();
		byFile.forEach((name, inFile) -> {
			Path file = Path.of(name);
			FileWrites.requireNoLink(file);
			String text = rewrite(read(file), inFile);
			List<String> errors = validate(schema, file, text);
			if (!errors.isEmpty()) {
				throw new SchemaToolsException("the rewrite of " + file + " would not validate, no file changed: "
						+ String.join("; ", errors));
			}
			rewritten.put(file, text);
		});
		FileWrites.writeAll(rewritten);
		return List.copyOf(rewritten.keySet());
	}

	static String rewrite(String text, List<DeprecatedSelection> selections) {
		StringBuilder result = new StringBuilder(text);
		// from the end, so earlier offsets stay valid
		List<DeprecatedSelection> ordered = selections.stream()
			.sorted(Comparator.comparingInt(DeprecatedSelection::line)
				.thenComparingInt(DeprecatedSelection::column)
				.reversed())
			.toList();
		List<Integer> lineStarts = lineStarts(text);
		for (DeprecatedSelection selection : ordered) {
			int offset = (selection.line() <= lineStarts.size())
					? lineStarts.get(selection.line() - 1) + selection.column() - 1 : text.length() + 1;
			String key = (selection.alias() != null) ? selection.alias() : selection.field();
			Matcher matcher = Pattern
				.compile(Pattern.quote(key) + ((selection.alias() != null) ? "\\s*:\\s*" : "")
						+ ((selection.alias() != null) ? Pattern.quote(selection.field()) : "") + "(?![_0-9A-Za-z])")
				.matcher(text);
			if (offset > text.length() || !matcher.region(offset, text.length()).lookingAt()) {
				throw new SchemaToolsException("cannot find " + selection.coordinate() + " at " + selection.file() + ":"
						+ selection.line() + ":" + selection.column());
			}
			result.replace(matcher.start(), matcher.end(), selection.rewritten());
		}
		return result.toString();
	}

	/** Where each line starts, found once per file rather than once per selection. */
	private static List<Integer> lineStarts(String text) {
		List<Integer> starts = new ArrayList<>(List.of(0));
		for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
			starts.add(newline + 1);
		}
		return starts;
	}

	private static List<String> validate(GraphQLSchema schema, Path file, String text) {
		try {
			return OperationValidator.validate(schema,
					new Operation(file.toString(), file, DocumentParser.operations(text, file.toString())));
		}
		catch (SchemaToolsException ex) {
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
