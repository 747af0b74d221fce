package dev.supergraph.schematools.cli;

import tools.jackson.databind.json.JsonMapper;

/** Prints results as JSON for machines. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static String write(Object value) {
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
	}

}
