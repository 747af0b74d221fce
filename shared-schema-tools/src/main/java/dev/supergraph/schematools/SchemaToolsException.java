package dev.supergraph.schematools;

/**
 * A problem with the input of a command (unreadable file, invalid SDL, unknown git
 * revision). Its message is a complete sentence meant for the user; the CLI prints it and
 * exits with code 2.
 */
public class SchemaToolsException extends RuntimeException {

	public SchemaToolsException(String message) {
		super(message);
	}

	public SchemaToolsException(String message, Throwable cause) {
		super(message, cause);
	}

}
