// The files of a new subgraph module (scripts/new-subgraph): the smallest subgraph that shows the
// platform's way, one entity with a query, batched entity resolution, a migration, a seed and tests,
// ready to be renamed and grown. Every file is a function of the subgraph's name and port.

/** The module's files by path inside the module. */
export function moduleFiles(name, port) {
  const Name = name[0].toUpperCase() + name.slice(1);
  const pkg = `dev.supergraph.${name}`;
  const dir = `src/main/java/dev/supergraph/${name}`;
  const testDir = `src/test/java/dev/supergraph/${name}`;
  const type = `${Name}Item`;
  const field = `${name}Item`;
  return {
    'pom.xml': pom(name, Name, port),
    [`${dir}/${Name}Application.java`]: java(pkg, ['org.springframework.boot.SpringApplication',
      'org.springframework.boot.autoconfigure.SpringBootApplication'], `/**
 * The ${name} subgraph.
 */
@SpringBootApplication
public class ${Name}Application {

	public static void main(String[] args) {
		SpringApplication.run(${Name}Application.class, args);
	}

}
`),
    [`${dir}/package-info.java`]: packageInfo(pkg, `The ${name} subgraph (port ${port}).`),
    [`${dir}/item/package-info.java`]: packageInfo(`${pkg}.item`, `The {@code ${type}} feature: the item, its reads and GraphQL controllers.`),
    [`${dir}/item/${type}.java`]: java(`${pkg}.item`, [], `/**
 * An item of the ${name} subgraph. Named like its GraphQL type, {@code ${type}}: that is how
 * the entities' union {@code _Entity} resolves the type of an object.
 *
 * @param id the id
 * @param name the name
 */
record ${type}(Long id, String name) {
}
`),
    [`${dir}/item/ItemRows.java`]: java(`${pkg}.item`, ['java.sql.ResultSet', 'java.sql.SQLException', 'java.util.List',
      'java.util.Optional', '', 'org.springframework.jdbc.core.simple.JdbcClient', 'org.springframework.stereotype.Component'], `/**
 * The items table, through {@link JdbcClient}: one round trip per call, no persistence
 * context. The batch read binds its ids as one array, so its statement text is the same
 * for every batch size.
 */
@Component
class ItemRows {

	private static final String COLUMNS = "select i.id, i.name from items i ";

	private final JdbcClient jdbc;

	ItemRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<${type}> findOneById(long id) {
		return this.jdbc.sql(COLUMNS + "where i.id = ?").param(id).query(ItemRows::item).optional();
	}

	List<${type}> findByIdIn(Long[] ids) {
		return this.jdbc.sql(COLUMNS + "where i.id = any(?)").param(ids).query(ItemRows::item).list();
	}

	private static ${type} item(ResultSet row, int rowNumber) throws SQLException {
		return new ${type}(row.getLong("id"), row.getString("name"));
	}

}
`),
    [`${dir}/item/ItemController.java`]: java(`${pkg}.item`, ['dev.supergraph.starter.ids.Ids', 'org.jspecify.annotations.Nullable', '',
      'org.springframework.graphql.data.method.annotation.Argument', 'org.springframework.graphql.data.method.annotation.QueryMapping',
      'org.springframework.stereotype.Controller'], `/**
 * Item queries.
 */
@Controller
class ItemController {

	private final ItemRows items;

	ItemController(ItemRows items) {
		this.items = items;
	}

	@QueryMapping
	@Nullable ${type} ${field}(@Argument String id) {
		return this.items.findOneById(Ids.parse(id)).orElse(null);
	}

}
`),
    [`${dir}/item/ItemEntitiesController.java`]: java(`${pkg}.item`, ['java.util.List', 'java.util.Map', 'java.util.function.Function',
      'java.util.stream.Collectors', '', 'dev.supergraph.starter.ids.Ids', 'org.jspecify.annotations.Nullable', '',
      'org.springframework.graphql.data.federation.EntityMapping', 'org.springframework.stereotype.Controller'], `/**
 * {@code ${type}} entities, the references other subgraphs hold to items.
 */
@Controller
class ItemEntitiesController {

	private final ItemRows items;

	ItemEntitiesController(ItemRows items) {
		this.items = items;
	}

	/**
	 * Resolves N representations with one statement, in their order. The starter passes
	 * only well-formed ones (numeric ids).
	 * @param representations the {@code _entities} representations of {@code ${type}}
	 * @return one item per representation, {@code null} for an unknown id
	 */
	@EntityMapping
	List<@Nullable ${type}> ${field}(List<Map<String, Object>> representations) {
		List<Long> ids = representations.stream()
			.map((representation) -> Ids.tryParse(representation.get("id")).orElseThrow())
			.toList();
		Map<Long, ${type}> byId = this.items.findByIdIn(ids.toArray(Long[]::new))
			.stream()
			.collect(Collectors.toMap(${type}::id, Function.identity()));
		return ids.stream().map(byId::get).toList();
	}

}
`),
    [`${dir}/seed/package-info.java`]: packageInfo(`${pkg}.seed`, 'Seed data of the local run and the benchmarks.'),
    [`${dir}/seed/${Name}Seeder.java`]: java(`${pkg}.seed`, [
      'dev.supergraph.starter.database.SeedLoader', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory', '',
      'org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty', 'org.springframework.core.env.Environment',
      'org.springframework.jdbc.core.JdbcTemplate', 'org.springframework.stereotype.Component'], `/**
 * Loads {@value #ITEMS} deterministic items (item {@code n} is named {@code Item n}) into
 * an empty database. Enabled by {@code ${name}.seed.enabled}; refuses to run with the
 * {@code prod} profile.
 */
@Component
@ConditionalOnBooleanProperty(${Name}Seeder.SWITCH)
class ${Name}Seeder extends SeedLoader {

	static final String SWITCH = "${name}.seed.enabled";

	static final int ITEMS = 100;

	private static final Logger logger = LoggerFactory.getLogger(${Name}Seeder.class);

	${Name}Seeder(JdbcTemplate jdbc, Environment environment) {
		super(jdbc, environment, SWITCH, "items");
	}

	@Override
	protected void load(JdbcTemplate jdbc) {
		insertOneRowPerId(jdbc, "insert into items (id, name) values (?, ?)", ITEMS,
				(id) -> new Object[] { id, "Item " + id });
		logger.info("Seeded {} items", ITEMS);
	}

}
`),
    'src/main/resources/application.yaml': `spring:
  application:
    name: ${name}
  flyway:
    # Not the default db/migration: subgraphs' migrations may share a class path in tests.
    locations: classpath:db/${name}
server:
  port: ${port}
`,
    'src/main/resources/application-dev.yaml': `# Local run: seed data (the starter's dev defaults add introspection, every trace and field timing).
${name}:
  seed:
    enabled: true
`,
    // The starter's messages read the bundle "errors" first; without the file every lookup logs a warning.
    'src/main/resources/errors.properties': `# Messages of the ${name} subgraph's errors (SubgraphException message keys), e.g.
# ${name}.itemNotFound=Item {0} does not exist.
`,
    // German for a client whose Accept-Language prefers it, like every subgraph's (MessagesTests checks the keys).
    'src/main/resources/errors_de.properties': `# German messages of the ${name} subgraph's errors: every key of errors.properties, e.g.
# ${name}.itemNotFound=Artikel {0} existiert nicht.
`,
    [`src/main/resources/db/${name}/V1__items.sql`]: `CREATE TABLE items (
    id   BIGINT       PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
`,
    'src/main/resources/graphql/schema.graphqls': `extend schema
	@link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])

type Query
`,
    'src/main/resources/graphql/item.graphqls': `"An item of the ${name} subgraph."
type ${type} @key(fields: "id") {
	id: ID!
	"Display name."
	name: String!
}

extend type Query {
	"An item by id, or null when there is none."
	${field}(id: ID!): ${type}
}
`,
    [`${testDir}/ArchitectureTests.java`]: java(pkg, ['com.tngtech.archunit.core.importer.ImportOption',
      'com.tngtech.archunit.junit.AnalyzeClasses', 'com.tngtech.archunit.junit.ArchTest', 'com.tngtech.archunit.lang.ArchRule',
      'dev.supergraph.starter.test.SubgraphArchitecture', '',
      'static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses'], `/**
 * The module's layout rules: no other subgraph is imported, and the seed writes rows
 * through SQL only.
 */
@AnalyzeClasses(packages = "${pkg}", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule ownPackagesAndStarterOnly = SubgraphArchitecture.OWN_PACKAGES_AND_STARTER_ONLY;

	@ArchTest
	static final ArchRule seedDoesNotUseTheFeatures = noClasses().that()
		.resideInAPackage("${pkg}.seed..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("${pkg}.item..");

}
`),
    [`${testDir}/MessagesTests.java`]: java(pkg, ['java.util.Locale', '', 'dev.supergraph.starter.test.MessageBundles',
      'org.junit.jupiter.api.Test', '', 'static org.assertj.core.api.Assertions.assertThat'], `/**
 * Every message of the ${name} subgraph is translated.
 */
class MessagesTests {

	@Test
	void everyMessageHasAGermanTranslation() {
		assertThat(MessageBundles.untranslated("errors", Locale.GERMAN)).isEmpty();
	}

}
`),
    [`${testDir}/ItemQueryTests.java`]: java(pkg, ['java.util.List', 'java.util.Map', '', 'dev.supergraph.starter.test.SubgraphTest',
      'org.junit.jupiter.api.Test', '', 'org.springframework.beans.factory.annotation.Autowired',
      'org.springframework.graphql.test.tester.GraphQlTester'], `/**
 * The items' read API against the seeded items (item {@code n} is named {@code Item n}).
 */
@SubgraphTest
class ItemQueryTests {

	@Autowired
	GraphQlTester graphQl;

	@Test
	void itemByIdIsTheSeededItem() {
		this.graphQl.documentName("item")
			.variable("id", "7")
			.execute()
			.path("${field}")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "7", "name", "Item 7"));
	}

	@Test
	void unknownItemIsNull() {
		this.graphQl.documentName("item").variable("id", "100000").execute().path("${field}").valueIsNull();
	}

	@Test
	void entitiesResolveInTheOrderOfTheRepresentations() {
		this.graphQl.documentName("itemEntities")
			.variable("representations",
					List.of(Map.of("__typename", "${type}", "id", "3"), Map.of("__typename", "${type}", "id", "1")))
			.execute()
			.path("_entities[*].name")
			.entityList(String.class)
			.containsExactly("Item 3", "Item 1");
	}

}
`),
    [`${testDir}/ExpandContractTests.java`]: java(pkg, ['dev.supergraph.starter.test.release.ExpandContractRules'], `/**
 * The previous ${name} release (src/test/resources/release/previous-statements.json) runs on
 * the newest migrations, and the migrations since it only expand, so a rollback needs no
 * database restore (docs/migrations.md).
 */
class ExpandContractTests extends ExpandContractRules {

	ExpandContractTests() {
		super("db/${name}");
	}

}
`),
    [`${testDir}/${Name}ReleaseStatementsTests.java`]: java(pkg, ['java.util.List', 'java.util.Map', '',
      'dev.supergraph.starter.test.GraphQlHttpClient', 'dev.supergraph.starter.test.GraphQlHttpClient.Response',
      'dev.supergraph.starter.test.SubgraphTest', 'dev.supergraph.starter.test.TestTokens',
      'dev.supergraph.starter.test.release.RecordReleaseStatements', 'org.junit.jupiter.api.Test',
      'org.junit.jupiter.api.extension.RegisterExtension', '', 'org.springframework.boot.test.web.server.LocalServerPort', '',
      'static org.assertj.core.api.Assertions.assertThat'], `/**
 * Every read and write path of the ${name} subgraph over HTTP, so that
 * {@code src/test/resources/release/statements.json} is exactly the SQL this release
 * issues (docs/migrations.md). Add a test here for each new path.
 */
@SubgraphTest
class ${Name}ReleaseStatementsTests {

	@RegisterExtension
	static RecordReleaseStatements release = new RecordReleaseStatements();

	@LocalServerPort
	int port;

	@Test
	void itemById() {
		assertAnswered("query($id: ID!) { ${field}(id: $id) { id name } }", Map.of("id", "7"));
	}

	@Test
	void itemsAsEntities() {
		assertAnswered("query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { id name } } }",
				Map.of("r", List.of(Map.of("__typename", "${type}", "id", "3"), Map.of("__typename", "${type}", "id", "1"))));
	}

	private void assertAnswered(String document, Map<String, ?> variables) {
		Response response = GraphQlHttpClient.forPort(this.port).post(document, variables, TestTokens.forUser("1"));
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
	}

}
`),
    'src/test/resources/application-test.yaml': `${name}:
  seed:
    enabled: true
logging:
  level:
    root: WARN
`,
    'src/test/resources/graphql-test/item.graphql': `query Item($id: ID!) {
  ${field}(id: $id) { id name }
}
`,
    'src/test/resources/graphql-test/itemEntities.graphql': `query ItemEntities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on ${type} { id name }
  }
}
`,
  };
}

function java(pkg, imports, body) {
  const lines = imports.map((line) => (line === '' ? '' : `import ${line};`));
  return `package ${pkg};\n\n${lines.join('\n')}\n\n${body}`;
}

function packageInfo(pkg, text) {
  return `/**\n * ${text}\n */\n@NullMarked\npackage ${pkg};\n\nimport org.jspecify.annotations.NullMarked;\n`;
}

function pom(name, Name, port) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
		xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
	<modelVersion>4.0.0</modelVersion>
	<parent>
		<groupId>dev.supergraph</groupId>
		<artifactId>supergraph-suite</artifactId>
		<version>0.1.0-SNAPSHOT</version>
	</parent>
	<artifactId>${name}-subgraph</artifactId>
	<name>${Name} subgraph</name>
	<description>The ${name} subgraph (port ${port})</description>

	<properties>
		<spring-boot.run.skip>false</spring-boot.run.skip>
	</properties>

	<dependencies>
		<dependency>
			<groupId>dev.supergraph</groupId>
			<artifactId>subgraph-starter</artifactId>
		</dependency>
		<dependency>
			<!-- local run (spring-boot:run, ./run-supergraph) and tests; left out of the runnable jar -->
			<groupId>dev.supergraph</groupId>
			<artifactId>subgraph-starter-dev</artifactId>
			<optional>true</optional>
		</dependency>
		<dependency>
			<groupId>dev.supergraph</groupId>
			<artifactId>subgraph-starter-test</artifactId>
			<scope>test</scope>
		</dependency>
		<dependency>
			<groupId>com.tngtech.archunit</groupId>
			<artifactId>archunit-junit5</artifactId>
			<scope>test</scope>
		</dependency>
	</dependencies>

	<build>
		<plugins>
			<plugin>
				<groupId>org.springframework.boot</groupId>
				<artifactId>spring-boot-maven-plugin</artifactId>
				<configuration>
					<profiles>
						<profile>dev</profile>
					</profiles>
				</configuration>
			</plugin>
		</plugins>
	</build>
</project>
`;
}
