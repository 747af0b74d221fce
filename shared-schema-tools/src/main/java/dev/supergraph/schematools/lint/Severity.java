package dev.supergraph.schematools.lint;

/**
 * How much a lint problem matters: errors fail lint, warnings only with {@code --strict}.
 */
public enum Severity {

	ERROR, WARNING

}
