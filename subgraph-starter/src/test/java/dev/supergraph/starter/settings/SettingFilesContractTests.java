package dev.supergraph.starter.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Files that settings name are read as the router reads them
 * ({@code contract/setting-files.json}): a regular file of a bounded size, and nothing
 * else; a named pipe, a directory or an endless device is refused at once, in the
 * router's words. Each read is bounded in time: a read that blocks fails its case.
 */
class SettingFilesContractTests {

	private static final JsonNode contract = ContractFiles.read("setting-files.json");

	private static final int maxBytes = contract.get("maxBytes").asInt();

	@TempDir
	Path directory;

	@Test
	void readsAsMuchAsTheRouter() {
		assertThat(SettingFiles.MAX_BYTES).isEqualTo(maxBytes);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void readsARegularFileOfBoundedSizeOnly(String name, JsonNode testCase) throws Exception {
		Path file = make(testCase);
		JsonNode refusal = testCase.get("refusal");
		if (refusal.isNull()) {
			byte[] bytes = within(() -> SettingFiles.read(file, maxBytes));
			assertThat(bytes).hasSize((int) Files.size(file));
			return;
		}
		String words = refusal.asString().replace("{maxBytes}", String.valueOf(maxBytes));
		assertThatExceptionOfType(UnusableFileException.class)
			.isThrownBy(() -> within(() -> SettingFiles.read(file, maxBytes)))
			.withMessage(words);
		assertThat(SettingFiles.reason(new UnusableFileException(words))).isEqualTo("the file " + words);
	}

	static Stream<Object[]> cases() {
		return contract.get("cases")
			.valueStream()
			.map((testCase) -> new Object[] { testCase.get("name").asString(), testCase });
	}

	private Path make(JsonNode testCase) throws IOException, InterruptedException {
		Path file = this.directory.resolve("file");
		switch (testCase.get("kind").asString()) {
			case "regular" -> Files.write(file, new byte[maxBytes + testCase.get("bytesOverMax").asInt()]);
			case "symlink" -> Files.createSymbolicLink(file, Files.writeString(this.directory.resolve("target"), "{}"));
			case "directory" -> Files.createDirectory(file);
			case "fifo" -> {
				Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
				assertThat(mkfifo.waitFor()).isZero();
			}
			default -> {
				return Path.of(testCase.get("path").asString());
			}
		}
		return file;
	}

	private static byte[] within(ReadAction read) throws Exception {
		return assertTimeoutPreemptively(Duration.ofSeconds(10), read::read);
	}

	private interface ReadAction {

		byte[] read() throws Exception;

	}

}
