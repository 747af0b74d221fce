package dev.supergraph.schematools.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import dev.supergraph.schematools.DocumentParser;
import dev.supergraph.schematools.FileProblems;
import dev.supergraph.schematools.SchemaToolsException;
import dev.supergraph.schematools.federation.ApiSchemaExtractor;
import dev.supergraph.schematools.federation.LenientDefinitions;
import dev.supergraph.schematools.federation.OrphanExtensions;
import graphql.GraphQLException;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.EchoingWiringFactory;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * Builds graphql-java schemas from SDL: a subgraph's SDL (federation directives may be
 * used without definitions) or a supergraph, of which the client-facing API schema is
 * kept.
 */
public final class SchemaLoader {

	private static final Pattern LINE_BREAK = Pattern.compile("\r\n?");

	/**
	 * Elements keep no AST, so the parsed document can be collected once the schema is
	 * built: no check reads an element's definition.
	 */
	private static final SchemaGenerator.Options GENERATOR_OPTIONS = SchemaGenerator.Options.defaultOptions()
		.captureAstDefinitions(false);

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

	/**
	 * Parses SDL with its line breaks normalized: graphql-java keeps the carriage returns
	 * of a CRLF checkout in block-string descriptions, which would then differ from the
	 * same schema's descriptions in a baseline with LF line breaks.
	 * @param sdl the SDL
	 * @param origin the file or baseline it comes from, for messages
	 * @return the document
	 */
	public static Document parse(String sdl, String origin) {
		return DocumentParser.sdl(LINE_BREAK.matcher(sdl).replaceAll("\n"), origin);
	}

	private static GraphQLSchema build(Document document, String origin) {
		try {
			TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(LenientDefinitions.complete(document));
			return new SchemaGenerator().makeExecutableSchema(GENERATOR_OPTIONS, registry, wiring(registry));
		}
		catch (GraphQLException ex) {
			throw new SchemaToolsException("invalid SDL in " + origin + ": " + oneLine(ex.getMessage()), ex);
		}
	}

	/** Enough wiring to build a schema that is never executed, as graphql-java's own. */
	private static RuntimeWiring wiring(TypeDefinitionRegistry registry) {
		return EchoingWiringFactory.newEchoingWiring((wiring) -> registry.scalars()
			.keySet()
			.stream()
			.filter((name) -> !ScalarInfo.isGraphqlSpecifiedScalar(name))
			.forEach((name) -> wiring.scalar(EchoingWiringFactory.fakeScalar(name))));
	}

	private static String oneLine(String message) {
		return (message != null) ? message.replaceAll("\\s+", " ").trim() : "unknown problem";
	}

}
