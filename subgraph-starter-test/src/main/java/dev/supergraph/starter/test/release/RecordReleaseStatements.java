package dev.supergraph.starter.test.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.supergraph.starter.test.ExecutedStatement;
import dev.supergraph.starter.test.SqlStatementCounter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Records the SQL statements that the tests of one class make a subgraph issue, and keeps
 * {@code src/test/resources/release/statements.json} equal to them: with
 * {@code -Dsubgraph.release.record=true} it writes the file, otherwise it fails the class
 * when a statement is not recorded or a recorded one is no longer issued. Register it on
 * a {@code @SubgraphTest} class whose tests call every read and write path over HTTP (and
 * issue no SQL of their own):
 *
 * <pre class="code">
 * &#064;RegisterExtension
 * static RecordReleaseStatements release = new RecordReleaseStatements();
 * </pre>
 */
public final class RecordReleaseStatements implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	/** The system property that switches from checking the file to writing it. */
	public static final String RECORD_PROPERTY = "subgraph.release.record";

	static final Path CURRENT = Path.of("src/test/resources/release/statements.json");

	private final Queue<ExecutedStatement> executed = new ConcurrentLinkedQueue<>();

	private final Path file;

	public RecordReleaseStatements() {
		this(CURRENT);
	}

	RecordReleaseStatements(Path file) {
		this.file = file;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		counter(context).reset();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.executed.addAll(counter(context).executed());
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		ReleaseStatements issued = ReleaseStatements.of(newestMigration(application), this.executed);
		if (Boolean.getBoolean(RECORD_PROPERTY)) {
			issued.write(this.file);
			return;
		}
		check(issued, context.getRequiredTestClass().getSimpleName());
	}

	void check(ReleaseStatements issued, String testClass) {
		if (!Files.exists(this.file)) {
			throw new AssertionError("No release record " + this.file + ": " + howToRecord(testClass));
		}
		List<String> differences = issued.differencesFrom(ReleaseStatements.read(this.file));
		if (!differences.isEmpty()) {
			throw new AssertionError("The release record " + this.file + " is out of date:\n  "
					+ String.join("\n  ", differences) + "\n" + howToRecord(testClass));
		}
	}

	private static String howToRecord(String testClass) {
		return "record it with ./mvnw verify -pl <module> -am -Dtest=" + testClass
				+ " -Dsurefire.failIfNoSpecifiedTests=false -D" + RECORD_PROPERTY
				+ "=true, review the diff and commit it (docs/migrations.md)";
	}

	private static String newestMigration(ApplicationContext application) {
		var current = application.getBean(Flyway.class).info().current();
		return (current != null) ? current.getVersion().getVersion() : "0";
	}

	private static SqlStatementCounter counter(ExtensionContext context) {
		return SpringExtension.getApplicationContext(context).getBean(SqlStatementCounter.class);
	}

}
