package dev.supergraph.schematools.lint;

/**
 * One violated convention.
 *
 * @param rule the rule id, for example {@code mutation-payload}
 * @param severity how much it matters
 * @param coordinate where
 * @param message what is wrong and what to do
 */
public record LintProblem(String rule, Severity severity, String coordinate, String message) {

}
