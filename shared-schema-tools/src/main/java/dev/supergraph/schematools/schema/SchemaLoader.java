package dev.supergraph.schematools.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.supergraph.schematools.FileProblems;
import dev.supergraph.schematools.SchemaToolsException;
import dev.supergraph.schematools.federation.ApiSchemaExtractor;
import dev.supergraph.schematools.federation.LenientDefinitions;
import dev.supergraph.schematools.federation.OrphanExtensions;
import graphql.GraphQLException;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * Builds graphql-java schemas from SDL: a subgraph's SDL (federation directives may be
 * used without definitions) or a supergraph, of which the client-facing API schema is
 * kept.
 */
public final class SchemaLoader {

	private SchemaLoader() {
	}

	public static String read(Path path) {
		if (!Files.isRegularFile(path)) {
			throw new SchemaToolsException(Files.isDirectory(path) ? "schema file " + path + " is a directory"
					: "schema file not found: " + path);
		}
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot read " + path + ": " + FileProblems.reason(ex), ex);
		}
	}

	public static GraphQLSchema subgraph(String sdl, String origin) {
		return build(OrphanExtensions.promote(parse(sdl, origin)), origin);
	}

	public static GraphQLSchema supergraphApi(String sdl, String origin) {
		return build(OrphanExtensions.promote(ApiSchemaExtractor.apiDocument(parse(sdl, origin))), origin);
	}

	public static Document parse(String sdl, String origin) {
		try {
			return Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(sdl)
				.parserOptions(ParserOptions.getDefaultSdlParserOptions())
				.build());
		}
		catch (InvalidSyntaxException ex) {
			throw new SchemaToolsException("invalid SDL in " + origin + ": " + oneLine(ex.getMessage()), ex);
		}
	}

	private static GraphQLSchema build(Document document, String origin) {
		try {
			TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(LenientDefinitions.complete(document));
			return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
		}
		catch (GraphQLException ex) {
			throw new SchemaToolsException("invalid SDL in " + origin + ": " + oneLine(ex.getMessage()), ex);
		}
	}

	private static String oneLine(String message) {
		return (message != null) ? message.replaceAll("\\s+", " ").trim() : "unknown problem";
	}

}
