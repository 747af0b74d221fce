package dev.supergraph.schematools.changelog;

import java.util.Locale;
import java.util.Optional;

import dev.supergraph.schematools.check.Finding;
import dev.supergraph.schematools.check.Verdict;
import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;
import dev.supergraph.schematools.migration.Replacement;

/** One change as a line of prose, such as {@code `Product.legacy`: field removed}. */
public final class ChangeText {

	private ChangeText() {
	}

	public static String describe(Finding finding) {
		Change change = finding.change();
		StringBuilder text = new StringBuilder("`").append(change.coordinate()).append("`: ");
		text.append(change.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
		if (change.before() != null && change.after() != null) {
			text.append(" from `")
				.append(oneLine(change.before()))
				.append("` to `")
				.append(oneLine(change.after()))
				.append('`');
		}
		else if (change.after() != null) {
			text.append(" `").append(oneLine(change.after())).append('`');
		}
		else if (change.before() != null) {
			text.append(" `").append(oneLine(change.before())).append('`');
		}
		if (finding.verdict() == Verdict.ALLOWED) {
			text.append(" (").append(finding.explanation()).append(')');
		}
		migration(change).ifPresent(text::append);
		return text.toString();
	}

	/**
	 * The migration of a field deprecated with a named replacement: what operations
	 * select instead, and the command that rewrites them.
	 */
	private static Optional<String> migration(Change change) {
		boolean deprecated = change.kind() == ChangeKind.DEPRECATION_ADDED
				|| change.kind() == ChangeKind.DEPRECATION_REASON_CHANGED;
		int dot = change.coordinate().indexOf('.');
		// fields only: not arguments (Type.field(arg:)) nor enum values, which the naming
		// rule keeps in upper case
		if (!deprecated || dot < 0 || change.coordinate().contains("(")) {
			return Optional.empty();
		}
		String field = change.coordinate().substring(dot + 1);
		if (field.equals(field.toUpperCase(Locale.ROOT))) {
			return Optional.empty();
		}
		return Replacement.in(change.after())
			.map((replacement) -> "; migration: select `" + field + ": " + replacement.field() + "` instead of `"
					+ field + "` (`schema-tools migrate --write` rewrites the operations)");
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

}
