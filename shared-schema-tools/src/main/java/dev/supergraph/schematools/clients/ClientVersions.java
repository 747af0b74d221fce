package dev.supergraph.schematools.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.supergraph.schematools.FileProblems;
import dev.supergraph.schematools.FileWrites;
import dev.supergraph.schematools.SchemaToolsException;
import dev.supergraph.schematools.changelog.SchemaVersion;
import org.jspecify.annotations.Nullable;

/**
 * Where each client package records its published version, read and rewritten in place
 * (so formatting and the rest of the file stay untouched): {@code package.json} and its
 * lock file's root entries for TypeScript, the {@code client.version} property of
 * {@code pom.xml} for Java.
 */
public final class ClientVersions {

	private static final Pattern NPM_VERSION = Pattern.compile("(\"version\":\\s*\")([^\"]*)(\")");

	private static final Pattern MAVEN_PROPERTY = Pattern.compile("(<client\\.version>)([^<]*)(</client\\.version>)");

	private ClientVersions() {
	}

	/**
	 * A client's version.
	 * @param declarations the declarations
	 * @param client the client package
	 * @return its version as written in its build file
	 */
	public static String read(ClientDeclarations declarations, ClientPackage client) {
		Path file = versionFile(declarations, client);
		Matcher matcher = pattern(client).matcher(text(file));
		if (!matcher.find()) {
			throw new SchemaToolsException("no version in " + file + " for client " + client.name());
		}
		return matcher.group(2);
	}

	/**
	 * The clients whose version is not the schema's.
	 * @param declarations the declarations
	 * @param version the schema's version
	 * @return one sentence per disagreeing client
	 */
	public static List<String> disagreements(ClientDeclarations declarations, SchemaVersion version) {
		List<String> problems = new ArrayList<>();
		for (ClientPackage client : declarations.packages()) {
			String declared = read(declarations, client);
			if (!declared.equals(version.toString())) {
				problems.add(client.name() + " is at " + declared + " in " + versionFile(declarations, client)
						+ ", the schema at " + version);
			}
		}
		return problems;
	}

	/**
	 * Sets every client's version to the schema's, in all files or none.
	 * @param declarations the declarations
	 * @param version the schema's version
	 */
	public static void write(ClientDeclarations declarations, SchemaVersion version) {
		FileWrites.writeAll(updates(declarations, version));
	}

	/**
	 * The new text of every file that records a client's version, for a command that
	 * writes them together with other files ({@link FileWrites#writeAll}).
	 * @param declarations the declarations
	 * @param version the schema's version
	 * @return file to its new text
	 */
	public static Map<Path, String> updates(ClientDeclarations declarations, SchemaVersion version) {
		refuseLowering(declarations, version);
		refuseLinks(declarations);
		Map<Path, String> texts = new LinkedHashMap<>();
		for (ClientPackage client : declarations.packages()) {
			Path file = versionFile(declarations, client);
			// package.json has one root "version"; its lock file two (the lock's root and
			// the root package), always before any dependency's
			texts.put(file, replaced(file, pattern(client), 1, version));
			Path lock = lockFile(client, file);
			if (lock != null) {
				texts.put(lock, replaced(lock, NPM_VERSION, 2, version));
			}
		}
		return texts;
	}

	/**
	 * Refuses, before anything is written, a version file that is a symbolic link: it may
	 * point out of the repository.
	 * @param declarations the declarations
	 */
	public static void refuseLinks(ClientDeclarations declarations) {
		for (ClientPackage client : declarations.packages()) {
			Path file = versionFile(declarations, client);
			FileWrites.requireNoLink(file);
			Path lock = lockFile(client, file);
			if (lock != null) {
				FileWrites.requireNoLink(lock);
			}
		}
	}

	private static @Nullable Path lockFile(ClientPackage client, Path versionFile) {
		Path lock = versionFile.resolveSibling("package-lock.json");
		return (client.language().equals("typescript") && Files.exists(lock, LinkOption.NOFOLLOW_LINKS)) ? lock : null;
	}

	/**
	 * Refuses a version below a client's: a published version never goes back, and a
	 * schema version below the clients' means a changelog with entries missing (another
	 * file, or a mistyped path), whose version must not be written.
	 * @param declarations the declarations
	 * @param version the version about to be written
	 */
	public static void refuseLowering(ClientDeclarations declarations, SchemaVersion version) {
		for (ClientPackage client : declarations.packages()) {
			String declared = read(declarations, client);
			if (SchemaVersion.parse(declared).compareTo(version) > 0) {
				throw new SchemaToolsException("refused to lower " + client.name() + " from " + declared + " to "
						+ version + ": a published version never goes back; is the changelog the schema's, "
						+ "with all its entries?");
			}
		}
	}

	private static String replaced(Path file, Pattern pattern, int occurrences, SchemaVersion version) {
		Matcher matcher = pattern.matcher(text(file));
		StringBuilder result = new StringBuilder();
		int replaced = 0;
		while (replaced < occurrences && matcher.find()) {
			matcher.appendReplacement(result, "$1" + version + "$3");
			replaced++;
		}
		if (replaced < occurrences) {
			throw new SchemaToolsException("no version to update in " + file);
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static Path versionFile(ClientDeclarations declarations, ClientPackage client) {
		Path directory = declarations.resolve(client.path());
		return switch (client.language()) {
			case "typescript" -> directory.resolve("package.json");
			case "java" -> directory.resolve("pom.xml");
			default -> throw new SchemaToolsException(
					"client " + client.name() + ": language " + client.language() + " has no known version file");
		};
	}

	private static Pattern pattern(ClientPackage client) {
		return client.language().equals("java") ? MAVEN_PROPERTY : NPM_VERSION;
	}

	private static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot read " + file + ": " + FileProblems.reason(ex), ex);
		}
	}

}
