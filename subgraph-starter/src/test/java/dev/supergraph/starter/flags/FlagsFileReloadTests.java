package dev.supergraph.starter.flags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import dev.openfeature.sdk.OpenFeatureAPI;
import dev.supergraph.starter.security.RequestClientNames;
import dev.supergraph.starter.security.Viewer;
import graphql.GraphQLContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The flags file at work: a change is in force within a second, an invalid version keeps
 * the last good flags and is logged and counted once, every changed flag is audited.
 */
@ExtendWith(OutputCaptureExtension.class)
class FlagsFileReloadTests {

	private static final String ON = """
			{"flags": {"beta": {"enabled": true, "default": false, "rules": [{"value": true, "userIds": ["u-1"]}]}}}""";

	private static final String OFF = ON.replace("\"enabled\": true", "\"enabled\": false");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final OpenFeatureAPI api = new ContextOpenFeatureApi();

	private final FeatureFlags flags = new FeatureFlags(this.api, this.registry, RequestClientNames.withoutApiKeys());

	@TempDir
	Path directory;

	@AfterEach
	void shutdown() {
		this.api.shutdown();
	}

	@Test
	void aChangeIsInForceWithinASecondAndAudited(CapturedOutput output) throws Exception {
		Path file = start(OFF);
		assertThat(betaForUser()).isFalse();
		write(file, ON);
		assertThat(withinASecond(this::betaForUser)).isTrue();
		assertThat(output.getOut()).contains("feature flag changed flag=beta from=(none) to={\"enabled\":false")
			.contains("feature flag changed flag=beta from={\"enabled\":false,\"default\":false,"
					+ "\"rules\":[{\"value\":true,\"userIds\":[\"u-1\"]}]} to={\"enabled\":true");
	}

	@Test
	void anInvalidVersionKeepsTheLastGoodFlagsAndIsLoggedAndCountedOnce(CapturedOutput output) throws Exception {
		Path file = start(ON);
		write(file, "{\"flags\": {\"beta\": {\"enabled\": \"yes\"");
		assertThat(withinASecond(() -> failures() == 1)).isTrue();
		Thread.sleep(700);
		assertThat(failures()).isEqualTo(1);
		assertThat(betaForUser()).isTrue();
		assertThat(output.getOut().lines().filter((line) -> line.contains("refused, the last good flags stay")))
			.singleElement()
			.asString()
			.contains("not JSON");
		write(file, ON.replace("\"userIds\": [\"u-1\"]", "\"userIds\": []"));
		assertThat(withinASecond(() -> failures() == 2)).isTrue();
		assertThat(output.getOut()).contains("flag \"beta\": rule 1: \"userIds\" must be a non-empty list");
		// good flags saved by an editor in Latin-1: refused with where, as the router
		// refuses them
		write(file, OFF.replace("\"default\"", "\"description\": \"caf\u00e9\", \"default\"")
			.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(withinASecond(() -> failures() == 3)).isTrue();
		assertThat(output.getOut()).containsPattern(
				"refused, the last good flags stay in force: " + "not UTF-8 text: byte 0xE9 at offset \\d+");
		// larger than any flags file: refused for its size, read no further than that
		write(file, " ".repeat(FlagsDocument.MAX_BYTES * 3).getBytes(StandardCharsets.US_ASCII));
		assertThat(withinASecond(() -> failures() == 4)).isTrue();
		assertThat(output.getOut()).contains("the file is larger than 1048576 bytes");
		assertThat(betaForUser()).isTrue();
		write(file, OFF);
		assertThat(withinASecond(() -> !betaForUser())).isTrue();
	}

	@Test
	void aVersionThatBreaksTheCheckIsRefusedAndLaterVersionsAreStillRead(CapturedOutput output) throws Exception {
		Path file = start(ON);
		// an integer beyond any double: the check itself used to throw, which ended the
		// poller's schedule for good
		write(file, ON.replace("\"userIds\": [\"u-1\"]", "\"percentage\": 1" + "0".repeat(400)));
		assertThat(withinASecond(() -> failures() == 1)).isTrue();
		assertThat(output.getOut())
			.contains("refused, the last good flags stay in force: flag \"beta\": rule 1: \"percentage\" must be");
		assertThat(betaForUser()).isTrue();
		write(file, OFF);
		assertThat(withinASecond(() -> !betaForUser())).isTrue();
	}

	@Test
	void aFlagWrittenTwiceIsRefusedNotHalfTaken(CapturedOutput output) throws Exception {
		Path file = start(OFF);
		write(file,
				"{\"flags\": {\"beta\": {\"enabled\": true, \"default\": true}, \"beta\": {\"enabled\": false, \"default\": false}}}");
		assertThat(withinASecond(() -> failures() == 1)).isTrue();
		assertThat(output.getOut()).contains("refused, the last good flags stay in force: duplicate property \"beta\"");
	}

	@Test
	void aNamedPipeIsNoFlagsFileAndIsNotWaitedFor(CapturedOutput output) throws Exception {
		Path file = this.directory.resolve("flags.pipe");
		assertThat(new ProcessBuilder("mkfifo", file.toString()).start().waitFor()).isZero();
		// its read would wait for a writer for ever
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> this.api
			.setProviderAndWait(new FileFlagProvider(new FlagsFile(file, this.registry), Duration.ofMillis(250))));
		assertThat(betaForUser()).isFalse();
		assertThat(failures()).isEqualTo(1);
		assertThat(output.getOut()).contains(
				"refused, the last good flags stay in force: the file is a named pipe (FIFO), not a regular file");
	}

	@Test
	void aMissingFileAtStartupIsNoFlagsUntilItAppears(CapturedOutput output) throws Exception {
		Path file = this.directory.resolve("flags.json");
		this.api.setProviderAndWait(new FileFlagProvider(new FlagsFile(file, this.registry), Duration.ofMillis(250)));
		assertThat(betaForUser()).isFalse();
		assertThat(failures()).isEqualTo(1);
		assertThat(output.getOut()).contains("refused, the last good flags stay in force: the file does not exist");
		write(file, ON);
		assertThat(withinASecond(this::betaForUser)).isTrue();
		assertThat(failures()).isEqualTo(1);
	}

	@Test
	void anUnknownFlagIsTheCodedDefaultAndNoError() throws Exception {
		start(ON);
		Viewer viewer = new Viewer("u-1", Set.of());
		assertThat(this.flags.isEnabled("no-such-flag", true, context(viewer))).isTrue();
		assertThat(this.flags.isEnabled("no-such-flag", false, context(viewer))).isFalse();
		assertThat(this.registry.find(FeatureFlags.EVALUATION_ERRORS).counters()).isEmpty();
	}

	private Path start(String content) throws IOException {
		Path file = this.directory.resolve("flags.json");
		write(file, content);
		this.api.setProviderAndWait(new FileFlagProvider(new FlagsFile(file, this.registry), Duration.ofMillis(250)));
		return file;
	}

	private boolean betaForUser() {
		return this.flags.isEnabled("beta", false, context(new Viewer("u-1", Set.of())));
	}

	private static GraphQLContext context(Viewer viewer) {
		return GraphQLContext.of(Map.of(Viewer.class, viewer));
	}

	private double failures() {
		return this.registry.counter(FlagsFile.RELOAD_FAILURES).count();
	}

	// Written beside and moved in, as an editor or a ConfigMap update does: never half a
	// file.
	private static void write(Path file, String content) throws IOException {
		write(file, content.getBytes(StandardCharsets.UTF_8));
	}

	private static void write(Path file, byte[] content) throws IOException {
		Path temporary = Files.createTempFile(file.getParent(), "flags", ".tmp");
		Files.write(temporary, content);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static boolean withinASecond(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + 1_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(50);
		}
		return true;
	}

}
