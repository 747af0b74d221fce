package dev.supergraph.starter.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.nimbusds.jose.JOSEException;
import dev.supergraph.starter.testsubgraph.TestCredentials;
import dev.supergraph.starter.testsubgraph.TestSubgraphApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A setting that names a file the subgraph cannot use, missing, unreadable, no regular
 * file (contract/setting-files.json) or with the wrong content, stops the start of a real
 * subgraph (the starter's test subgraph, all its auto-configurations) and its log names
 * the setting, where it was set and why, without a stack trace, as a value out of range
 * does.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingFilesTests {

	@TempDir
	static Path directory;

	private static TestCredentials credentials;

	@BeforeAll
	static void writeUsableFiles() throws IOException, JOSEException, InterruptedException {
		credentials = new TestCredentials(Files.createDirectory(directory.resolve("usable")));
		Files.writeString(directory.resolve("text.txt"), "not a key\n");
		Files.writeString(directory.resolve("keys.json"), "{\"keys\": 5}\n");
		// a named pipe: its read would wait for a writer for ever
		assertThat(new ProcessBuilder("mkfifo", directory.resolve("keys.pipe").toString()).start().waitFor()).isZero();
		Files.writeString(directory.resolve("latin1.json"), "{\"keys\": [], \"caf\u00e9\": 1}\n",
				StandardCharsets.ISO_8859_1);
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					subgraph.security.jwt.public-key-location | file:{dir}/missing.pem | the file does not exist
					subgraph.security.jwt.public-key-location | file:{dir}/text.txt    | Key is not in PEM-encoded X.509 format
					subgraph.security.jwt.public-key-location | file:{dir}/keys.json   | Key is not in PEM-encoded X.509 format
					subgraph.security.api-keys.file           | {dir}/missing.json     | the file does not exist
					subgraph.security.jwt.public-key-location | file:/dev/zero         | the file is a device, not a regular file
					subgraph.security.api-keys.file           | {dir}                  | the file is a directory, not a regular file
					subgraph.security.api-keys.file           | {dir}/keys.pipe        | the file is a named pipe (FIFO), not a regular file
					subgraph.security.api-keys.file           | {dir}/text.txt         | not valid JSON
					subgraph.security.api-keys.file           | {dir}/keys.json        | it must be an object with a "keys" array
					subgraph.security.api-keys.file           | {dir}/latin1.json      | not UTF-8 text: byte 0xE9 at offset 17
					""")
	void aFileTheSubgraphCannotUseStopsItsStartWithTheReason(String property, String value, String reason,
			CapturedOutput output) {
		String file = value.replace("{dir}", directory.toString());
		assertThatException().isThrownBy(() -> start(property + "=" + file).close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '" + file + "'")
			.contains("for configuration property '" + property + "'")
			.contains(reason)
			.contains("Action:")
			.doesNotContain("\tat ");
	}

	@Test
	void theSameSettingsWithUsableFilesStart() {
		start().close();
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(TestSubgraphApplication.class)
			.properties("server.port=0", "subgraph.database.embedded.enabled=false",
					"management.endpoint.health.validate-group-membership=false",
					"subgraph.security.jwt.public-key-location=file:" + credentials.publicKeyFile(),
					"subgraph.security.api-keys.file=" + credentials.keyFile())
			.properties(properties)
			.run();
	}

}
