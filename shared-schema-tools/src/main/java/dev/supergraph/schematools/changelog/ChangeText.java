package dev.supergraph.schematools.changelog;

import java.util.Locale;

import dev.supergraph.schematools.check.Finding;
import dev.supergraph.schematools.check.Verdict;
import dev.supergraph.schematools.diff.Change;

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
		return text.toString();
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

}
