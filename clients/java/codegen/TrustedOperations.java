// Generates a typed Java class per operation file: its exact text, a record of its variables and the
// type of its root field's result. Two kinds: the trusted operations of the supergraph (their
// manifest id too, implementing TrustedOperation) and the operations one subgraph sends another
// (implementing GraphQlOperation, validated against the called subgraph's golden SDL). Every
// operation is validated against its schema first: a schema change that breaks one fails the build
// with the file, line and column. With --error-codes, ErrorCode is generated from the contract too.
// Run by the build with graphql-java on the classpath (java codegen/TrustedOperations.java --schema …);
// the model records come from graphql-codegen-maven-plugin, this only adds what it cannot.
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.Node;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

public class TrustedOperations {

	private static final Map<String, String> SCALARS = Map.of("ID", "String", "String", "String", "Int", "Integer",
			"Float", "Double", "Boolean", "Boolean", "DateTime", "java.time.OffsetDateTime", "_Any",
			"java.util.Map<String, Object>");

	private static final Set<String> OPTIONS = Set.of("--schema", "--operations", "--clients", "--client", "--kind",
			"--output", "--package", "--model-package", "--model-schema", "--client-package", "--error-codes",
			"--root");

	public static void main(String[] args) throws IOException {
		Map<String, String> options = options(args);
		Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
		Path schemaFile = Path.of(required(options, "--schema"));
		GraphQLSchema schema = schema(schemaFile);
		GraphQLSchema model = options.containsKey("--model-schema") ? schema(Path.of(options.get("--model-schema")))
				: null;
		String modelLabel = label(root, Path.of(options.getOrDefault("--model-schema", schemaFile.toString())));
		List<String> modelProblems = nullableInputItems(model != null ? model : schema, modelLabel);
		if (!modelProblems.isEmpty()) {
			modelProblems.forEach(System.err::println);
			System.exit(1);
		}
		Generator generator = new Generator(schema, model, "subgraph".equals(options.get("--kind")),
				label(root, schemaFile), required(options, "--package"),
				required(options, "--model-package"), required(options, "--client-package"));
		Path outputDir = Path.of(required(options, "--output"));
		Path packageDir = Files.createDirectories(outputDir.resolve(generator.packageName.replace('.', '/')));
		List<Path> files = operationFiles(options);
		deleteGenerated(packageDir);
		List<String> problems = new ArrayList<>();
		for (Path file : files) {
			String label = label(root, file);
			String name = file.getFileName().toString().replace(".graphql", "");
			try {
				String source = generator.operationClass(Files.readString(file, StandardCharsets.UTF_8), label, name);
				Files.writeString(packageDir.resolve(name + ".java"), source);
			}
			catch (InvalidOperation ex) {
				problems.addAll(ex.problems);
			}
		}
		if (!problems.isEmpty()) {
			problems.forEach(System.err::println);
			System.err.println(problems.size() + " problem(s) in the operations checked against " + generator.schemaLabel);
			System.exit(1);
		}
		if (options.containsKey("--error-codes")) {
			Path clientDir = Files.createDirectories(outputDir.resolve(generator.clientPackage.replace('.', '/')));
			Files.writeString(clientDir.resolve("ErrorCode.java"),
					errorCodeEnum(Files.readString(Path.of(options.get("--error-codes"))), generator.clientPackage));
		}
		System.out.println("Generated " + files.size() + " operations in " + packageDir);
	}

	/** The classes of a removed operation file must not outlive it in an incremental build. */
	private static void deleteGenerated(Path packageDir) throws IOException {
		try (Stream<Path> listed = Files.list(packageDir)) {
			for (Path file : listed.filter((file) -> file.toString().endsWith(".java")).toList()) {
				Files.delete(file);
			}
		}
	}

	/** A file as the messages and Javadoc name it: from the repository root. */
	private static String label(Path root, Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException("options come in pairs: --name value");
		}
		for (int i = 0; i < args.length; i += 2) {
			if (!OPTIONS.contains(args[i])) {
				throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + OPTIONS);
			}
			options.put(args[i], args[i + 1]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("missing " + name);
		}
		return value;
	}

	private static GraphQLSchema schema(Path file) throws IOException {
		return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(Files.readString(file)),
				RuntimeWiring.MOCKED_WIRING);
	}

	/**
	 * The model records (codegen/record.ftl) require every item of an input list: the
	 * plugin's model does not tell {@code [X!]} from {@code [X]}, so a schema with
	 * nullable items (or lists of lists) in an input is refused rather than mistyped.
	 */
	static List<String> nullableInputItems(GraphQLSchema schema, String label) {
		List<String> problems = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (!(type instanceof GraphQLInputObjectType input) || input.getName().startsWith("__")) {
				continue;
			}
			for (GraphQLInputObjectField field : input.getFields()) {
				if (GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList list
						&& !(list.getWrappedType() instanceof GraphQLNonNull item && !GraphQLTypeUtil.isList(item.getWrappedType()))) {
					problems.add(label + ": " + input.getName() + "." + field.getName() + ": "
							+ GraphQLTypeUtil.simplePrint(field.getType())
							+ ": the Java client requires every item of an input list, so declare its items non-null (e.g. [String!])");
				}
			}
		}
		return problems;
	}

	/**
	 * The files of {@code --operations <dir>/<glob>}, or of the glob that
	 * {@code --clients clients.json} declares for {@code --client <name>} (relative to
	 * the file), so a client package reads the operations from where the registry says.
	 */
	private static List<Path> operationFiles(Map<String, String> options) throws IOException {
		Path glob = options.containsKey("--clients") ? clientGlob(Path.of(options.get("--clients")),
				required(options, "--client")) : Path.of(required(options, "--operations"));
		Path dir = glob.getParent();
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.getFileName());
		List<Path> files;
		try (Stream<Path> listed = Files.list(dir)) {
			files = listed.filter((file) -> matcher.matches(file.getFileName())).sorted().toList();
		}
		if (files.isEmpty()) {
			throw new IllegalArgumentException("no operations match " + glob);
		}
		return files;
	}

	private static Path clientGlob(Path clientsFile, String client) throws IOException {
		for (JsonNode entry : JsonMapper.builder().build().readTree(Files.readString(clientsFile)).path("clients")) {
			if (client.equals(entry.path("name").asString())) {
				return clientsFile.toAbsolutePath().getParent().resolve(entry.path("operations").asString()).normalize();
			}
		}
		throw new IllegalArgumentException(clientsFile + " lists no client package " + client);
	}

	private static String errorCodeEnum(String contract, String packageName) {
		List<String> codes = new ArrayList<>();
		JsonMapper.builder().build().readTree(contract).path("codes").forEach((entry) -> codes.add(entry.path("code").asString()));
		if (codes.isEmpty()) {
			throw new IllegalArgumentException("no error codes in the contract file");
		}
		return """
				package %s;

				/**
				 * Every {@code extensions.code} the supergraph answers with ({@code contract/error-codes.json}),
				 * and {@link #CLIENT_ERROR} when no GraphQL answer came back or the code is not one of them.
				 */
				@javax.annotation.processing.Generated("TrustedOperations, from contract/error-codes.json")
				public enum ErrorCode {

					%s,

					CLIENT_ERROR

				}
				""".formatted(packageName, String.join(", ", codes));
	}

	/** The problems of one operation file, each as {@code file:line:column: message}. */
	static final class InvalidOperation extends RuntimeException {

		final List<String> problems;

		InvalidOperation(List<String> problems) {
			super(String.join("\n", problems));
			this.problems = problems;
		}

		static InvalidOperation at(String label, Node<?> node, String message) {
			return new InvalidOperation(List.of(where(label, node.getSourceLocation()) + message));
		}

		static String where(String label, SourceLocation location) {
			return (location != null) ? label + ":" + location.getLine() + ":" + location.getColumn() + ": "
					: label + ": ";
		}

	}

	static final class Generator {

		final GraphQLSchema schema;

		final GraphQLSchema model;

		final boolean subgraph;

		final String schemaLabel;

		final String packageName;

		final String modelPackage;

		final String clientPackage;

		Generator(GraphQLSchema schema, GraphQLSchema model, boolean subgraph, String schemaLabel, String packageName,
				String modelPackage, String clientPackage) {
			this.schema = schema;
			this.model = (model != null) ? model : schema;
			this.subgraph = subgraph;
			this.schemaLabel = schemaLabel;
			this.packageName = packageName;
			this.modelPackage = modelPackage;
			this.clientPackage = clientPackage;
		}

		String operationClass(String text, String label, String fileName) {
			Document document = validDocument(text, label);
			List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
			if (operations.size() != 1 || !fileName.equals(operations.get(0).getName())) {
				throw new InvalidOperation(List.of(label + ": one operation per file, named " + fileName));
			}
			OperationDefinition operation = operations.get(0);
			List<Field> roots = operation.getSelectionSet().getSelectionsOfType(Field.class);
			if (roots.size() != 1 || operation.getSelectionSet().getSelections().size() != 1) {
				throw InvalidOperation.at(label, operation, "a typed operation selects one root field");
			}
			Field root = roots.get(0);
			GraphQLObjectType rootType = switch (operation.getOperation()) {
				case QUERY -> this.schema.getQueryType();
				case MUTATION -> this.schema.getMutationType();
				default -> throw InvalidOperation.at(label, operation, "queries and mutations only");
			};
			GraphQLFieldDefinition field = rootType.getFieldDefinition(root.getName());
			String resultName = resultTypeName(field.getType(), root, label);
			if (this.model != this.schema) {
				checkModel(root.getSelectionSet(), resultName, fragments(document), label);
			}
			return source(operation, text, label, root.getResultKey(), resultType(field.getType(), resultName));
		}

		private Document validDocument(String text, String label) {
			Document document;
			try {
				document = Parser.parse(text);
			}
			catch (InvalidSyntaxException ex) {
				throw new InvalidOperation(List.of(InvalidOperation.where(label, ex.getLocation()) + ex.getMessage()));
			}
			List<ValidationError> errors = new Validator().validateDocument(this.schema, document, Locale.ENGLISH);
			if (!errors.isEmpty()) {
				throw new InvalidOperation(errors.stream()
					.map((error) -> InvalidOperation.where(label,
							error.getLocations().isEmpty() ? null : error.getLocations().get(0))
							+ error.getDescription())
					.toList());
			}
			return document;
		}

		/**
		 * The named type of the result: an abstract one ({@code _entities: [_Entity]!})
		 * narrowed by a single inline fragment is that fragment's type.
		 */
		private String resultTypeName(GraphQLOutputType type, Field root, String label) {
			GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
			if (!(named instanceof GraphQLUnionType || named instanceof GraphQLInterfaceType)) {
				return named.getName();
			}
			Set<String> conditions = root.getSelectionSet()
				.getSelections()
				.stream()
				.filter((selection) -> !(selection instanceof Field field && field.getName().startsWith("__")))
				.map((selection) -> (selection instanceof InlineFragment inline && inline.getTypeCondition() != null)
						? inline.getTypeCondition().getName() : named.getName())
				.collect(Collectors.toSet());
			return (conditions.size() == 1) ? conditions.iterator().next() : named.getName();
		}

		/**
		 * With a model from another schema (the API schema's records for a subgraph call),
		 * every selected response key must be a field of the model record that receives it.
		 */
		private void checkModel(SelectionSet selections, String typeName, Map<String, FragmentDefinition> fragments,
				String label) {
			if (selections == null) {
				return;
			}
			for (Selection<?> selection : selections.getSelections()) {
				if (selection instanceof InlineFragment inline) {
					checkModel(inline.getSelectionSet(),
							(inline.getTypeCondition() != null) ? inline.getTypeCondition().getName() : typeName,
							fragments, label);
				}
				else if (selection instanceof FragmentSpread spread) {
					FragmentDefinition fragment = fragments.get(spread.getName());
					checkModel(fragment.getSelectionSet(), fragment.getTypeCondition().getName(), fragments, label);
				}
				else if (selection instanceof Field field && !field.getName().startsWith("__")) {
					checkModelField(field, typeName, fragments, label);
				}
			}
		}

		private void checkModelField(Field field, String typeName, Map<String, FragmentDefinition> fragments,
				String label) {
			if (!(this.model.getType(typeName) instanceof GraphQLFieldsContainer modelType)) {
				throw InvalidOperation.at(label, field, "the model (" + this.modelPackage + ") has no type " + typeName);
			}
			if (modelType.getFieldDefinition(field.getResultKey()) == null) {
				throw InvalidOperation.at(label, field, "the model record " + typeName + " has no field "
						+ field.getResultKey() + " to receive the selection");
			}
			GraphQLFieldDefinition definition = ((GraphQLFieldsContainer) this.schema.getType(typeName))
				.getFieldDefinition(field.getName());
			checkModel(field.getSelectionSet(), ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType())).getName(),
					fragments, label);
		}

		private static Map<String, FragmentDefinition> fragments(Document document) {
			return document.getDefinitionsOfType(FragmentDefinition.class)
				.stream()
				.collect(Collectors.toMap(FragmentDefinition::getName, (fragment) -> fragment));
		}

		private String source(OperationDefinition operation, String text, String label, String rootField,
				String resultType) {
			List<String> components = new ArrayList<>();
			List<String> puts = new ArrayList<>();
			for (VariableDefinition variable : operation.getVariableDefinitions()) {
				boolean required = variable.getType() instanceof NonNullType && variable.getDefaultValue() == null;
				String type = javaType(variable.getType());
				components.add((required ? type : nullable(type)) + " " + variable.getName());
				puts.add("\t\t\tif (this." + variable.getName() + " != null) {\n\t\t\t\tvalues.put(\""
						+ variable.getName() + "\", this." + variable.getName() + ");\n\t\t\t}");
			}
			String name = operation.getName();
			String kind = this.subgraph ? "GraphQlOperation" : "TrustedOperation";
			String summary = this.subgraph
					? "The operation {@code %s} one subgraph sends another ({@code %s}), valid against {@code %s}: its text, its variables and the type of its {@code %s} result."
						.formatted(name, label, this.schemaLabel, rootField)
					: "The trusted operation {@code %s} ({@code %s}): its text byte for byte as the router's manifest holds it, its manifest id, its variables and the type of its {@code %s} result."
						.formatted(name, label, rootField);
			String documentId = this.subgraph ? "" : """

						/** The id of the document in the router's manifest. */
						@Override
						public String documentId() {
							return "%s";
						}
					""".formatted(sha256(text));
			return """
					package %1$s;

					import java.util.LinkedHashMap;
					import java.util.Map;

					import %10$s.%11$s;
					import org.jspecify.annotations.Nullable;
					import org.springframework.core.ParameterizedTypeReference;

					/**
					 * %3$s
					 */
					@javax.annotation.processing.Generated("TrustedOperations, from %12$s")
					public final class %2$s implements %11$s<%2$s.Variables, %5$s> {

						/** The operation, to pass to the client that sends it. */
						public static final %2$s OPERATION = new %2$s();

						private static final String DOCUMENT = %6$s;

						private %2$s() {
						}

						/**
						 * The operation's variables; a {@code null} one is left out, so its default applies.
						 */
						public record Variables(%7$s) {

							Map<String, Object> toMap() {
								Map<String, Object> values = new LinkedHashMap<>();
					%8$s
								return values;
							}

						}

						@Override
						public String name() {
							return "%2$s";
						}

						@Override
						public String document() {
							return DOCUMENT;
						}
					%9$s
						@Override
						public String rootField() {
							return "%4$s";
						}

						@Override
						public ParameterizedTypeReference<%5$s> resultType() {
							return new ParameterizedTypeReference<>() {
							};
						}

						@Override
						public Map<String, Object> variables(Variables variables) {
							return variables.toMap();
						}

					}
					""".formatted(this.packageName, name, summary, rootField, resultType, javaString(text),
					String.join(", ", components), String.join("\n", puts), documentId, this.clientPackage, kind,
					label);
		}

		private String javaType(Type<?> type) {
			if (type instanceof NonNullType nonNull) {
				return javaType(nonNull.getType());
			}
			if (type instanceof ListType list) {
				return "java.util.List<" + javaType(list.getType()) + ">";
			}
			return namedType(((TypeName) type).getName());
		}

		/** The Java type of the root field's type, its named type replaced by {@code resultName}. */
		private String resultType(GraphQLOutputType type, String resultName) {
			if (type instanceof GraphQLNonNull nonNull) {
				return resultType((GraphQLOutputType) nonNull.getWrappedType(), resultName);
			}
			if (type instanceof GraphQLList list) {
				return "java.util.List<" + resultType((GraphQLOutputType) list.getWrappedType(), resultName) + ">";
			}
			return namedType(resultName);
		}

		private String namedType(String name) {
			String scalar = SCALARS.get(name);
			if (scalar != null) {
				return scalar;
			}
			if (this.schema.getType(name) instanceof GraphQLScalarType) {
				throw new IllegalArgumentException("unmapped scalar " + name);
			}
			return this.modelPackage + "." + name;
		}

		/** A type-use annotation goes on the simple name of a qualified type: {@code java.util.@Nullable List}. */
		private static String nullable(String type) {
			int generics = type.indexOf('<');
			String raw = (generics < 0) ? type : type.substring(0, generics);
			int dot = raw.lastIndexOf('.');
			return type.substring(0, dot + 1) + "@Nullable " + type.substring(dot + 1);
		}

		private static String javaString(String text) {
			return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
		}

		private static String sha256(String text) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
