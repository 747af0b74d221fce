package dev.supergraph.schematools.changelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.supergraph.schematools.FileProblems;
import dev.supergraph.schematools.SchemaToolsException;

/**
 * The schema's semantic version, computed from the changelog: the schema before the first
 * entry is {@link #INITIAL 1.0.0}, and every entry applies its "Semantic version bump".
 * The bumps are the one record of the version; nothing else stores it.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 */
public record SchemaVersion(int major, int minor, int patch) implements Comparable<SchemaVersion> {

	/** The version of the schema before any changelog entry. */
	public static final SchemaVersion INITIAL = new SchemaVersion(1, 0, 0);

	private static final Pattern BUMP = Pattern.compile("^Semantic version bump: \\*\\*(\\w+)\\*\\*$",
			Pattern.MULTILINE);

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

	/**
	 * The version after every entry of a changelog.
	 * @param changelog the changelog; a missing file is a changelog without entries
	 * @return the version
	 */
	public static SchemaVersion of(Path changelog) {
		if (!Files.exists(changelog)) {
			return INITIAL;
		}
		return ofExisting(changelog);
	}

	/**
	 * The version after every entry of a changelog that must be there: where a mistyped
	 * path would read as a schema at 1.0.0.
	 * @param changelog the changelog
	 * @return the version
	 */
	public static SchemaVersion ofExisting(Path changelog) {
		if (!Files.isRegularFile(changelog)) {
			throw new SchemaToolsException(
					(Files.isDirectory(changelog) ? "the changelog " + changelog + " is a directory"
							: "the changelog " + changelog + " does not exist") + ": is the path right?");
		}
		try {
			return ofText(Files.readString(changelog));
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot read changelog " + changelog + ": " + FileProblems.reason(ex), ex);
		}
	}

	static SchemaVersion ofText(String changelog) {
		SchemaVersion version = INITIAL;
		Matcher bumps = BUMP.matcher(changelog);
		while (bumps.find()) {
			SemverBump bump;
			try {
				bump = SemverBump.valueOf(bumps.group(1).toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new SchemaToolsException("unknown semantic version bump in the changelog: " + bumps.group(1));
			}
			version = version.bump(bump);
		}
		return version;
	}

	public static SchemaVersion parse(String text) {
		Matcher matcher = VERSION.matcher(text.trim());
		if (!matcher.matches()) {
			throw new SchemaToolsException("not a version (major.minor.patch): " + text);
		}
		return new SchemaVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3)));
	}

	@Override
	public int compareTo(SchemaVersion other) {
		return Comparator.comparingInt(SchemaVersion::major)
			.thenComparingInt(SchemaVersion::minor)
			.thenComparingInt(SchemaVersion::patch)
			.compare(this, other);
	}

	public SchemaVersion bump(SemverBump bump) {
		return switch (bump) {
			case MAJOR -> new SchemaVersion(this.major + 1, 0, 0);
			case MINOR -> new SchemaVersion(this.major, this.minor + 1, 0);
			case PATCH -> new SchemaVersion(this.major, this.minor, this.patch + 1);
			case NONE -> this;
		};
	}

	@Override
	public String toString() {
		return this.major + "." + this.minor + "." + this.patch;
	}

}
