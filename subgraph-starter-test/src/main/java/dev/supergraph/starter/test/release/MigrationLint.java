package dev.supergraph.starter.test.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A guard, not a SQL parser: the Flyway migrations newer than the previous release must
 * only expand the schema, unless their name marks them as a contract step
 * ({@code V12__contract_drop_product_in_stock.sql}), which {@link ExpandContract}'s
 * replay of the previous release then has to accept. Looks, in the text without comments,
 * for the statements that take something away from a running release.
 */
final class MigrationLint {

	static final String CONTRACT_MARK = "__contract_";

	private static final Map<String, Pattern> CONTRACTIONS = Map.of("drops a table, view, type or sequence",
			pattern("\\bDROP\\s+(TABLE|VIEW|MATERIALIZED\\s+VIEW|TYPE|SCHEMA|SEQUENCE|FUNCTION)\\b"), "drops a column",
			pattern("\\bDROP\\s+COLUMN\\b|\\bALTER\\s+TABLE\\s[^;]*?\\bDROP\\s+(?!CONSTRAINT\\b|DEFAULT\\b|NOT\\b|IDENTITY\\b|EXPRESSION\\b)\\w"),
			"renames", pattern("\\bRENAME\\b"), "changes a column's type",
			pattern("\\bALTER\\s+COLUMN\\s+\\S+\\s+(SET\\s+DATA\\s+)?TYPE\\b"), "makes a column NOT NULL",
			pattern("\\bSET\\s+NOT\\s+NULL\\b"), "drops a column default", pattern("\\bDROP\\s+DEFAULT\\b"));

	private static final Pattern ADD_COLUMN = pattern(
			"\\bADD\\s+(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|CHECK\\b|FOREIGN\\b)");

	private MigrationLint() {
	}

	/**
	 * The contracting statements of the unmarked migrations after a version.
	 * @param location the migrations' class path location, e.g. {@code db/users}
	 * @param after the newest version of the previous release
	 * @return one line per finding, empty when every newer migration only expands
	 */
	static List<String> findings(String location, String after) throws IOException {
		MigrationVersion boundary = MigrationVersion.fromVersion(after);
		List<String> findings = new ArrayList<>();
		for (Resource script : new PathMatchingResourcePatternResolver()
			.getResources("classpath:" + location + "/V*__*.sql")) {
			String name = script.getFilename();
			if (version(name).compareTo(boundary) > 0 && !name.contains(CONTRACT_MARK)) {
				contractions(script.getContentAsString(StandardCharsets.UTF_8))
					.forEach((what) -> findings.add(name + " " + what));
			}
		}
		return findings.stream().sorted().toList();
	}

	/**
	 * What a migration takes away from a running release.
	 * @param script the migration's SQL
	 * @return the kinds of contraction found, sorted
	 */
	static List<String> contractions(String script) {
		String sql = script.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").toUpperCase(Locale.ROOT);
		List<String> found = new ArrayList<>();
		CONTRACTIONS.forEach((what, pattern) -> {
			if (pattern.matcher(sql).find()) {
				found.add(what);
			}
		});
		if (addsRequiredColumnWithoutDefault(sql)) {
			found.add("adds a NOT NULL column without a default");
		}
		return found.stream().sorted().toList();
	}

	/**
	 * An {@code ADD [COLUMN]} clause, up to its top-level comma, with NOT NULL and no
	 * default.
	 */
	private static boolean addsRequiredColumnWithoutDefault(String sql) {
		Matcher add = ADD_COLUMN.matcher(sql);
		while (add.find()) {
			String clause = clause(sql, add.end());
			if (clause.matches("(?s).*\\bNOT\\s+NULL\\b.*") && !clause.matches("(?s).*\\b(DEFAULT|GENERATED)\\b.*")) {
				return true;
			}
		}
		return false;
	}

	private static String clause(String sql, int start) {
		int depth = 0;
		for (int i = start; i < sql.length(); i++) {
			char c = sql.charAt(i);
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			if (c == ';' || (c == ',' && depth == 0)) {
				return sql.substring(start, i);
			}
		}
		return sql.substring(start);
	}

	private static MigrationVersion version(String name) {
		return MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.'));
	}

	private static Pattern pattern(String regex) {
		return Pattern.compile(regex, Pattern.DOTALL);
	}

}
