package dev.supergraph.schematools.cli;

/** How results are printed. */
enum OutputFormat {

	text, json

}
