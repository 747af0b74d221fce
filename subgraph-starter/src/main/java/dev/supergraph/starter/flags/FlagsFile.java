package dev.supergraph.starter.flags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.supergraph.starter.settings.SettingFiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flags file as last read: its version (modification time, file key and size, so a
 * rewrite by rename is seen even within one clock tick) and the last good flags. A
 * version that cannot be read or is invalid keeps the last good flags; it is logged once
 * and counted in {@code subgraph.flags.reload.failures}. Every flag whose definition
 * changes is logged for audit, the flags in force at startup included.
 */
final class FlagsFile {

	static final String RELOAD_FAILURES = "subgraph.flags.reload.failures";

	private static final Logger logger = LoggerFactory.getLogger(FlagsFile.class);

	private static final Logger audit = LoggerFactory.getLogger("audit");

	private final Path file;

	private final Counter failures;

	private volatile FlagsDocument current = FlagsDocument.EMPTY;

	private @Nullable Object version;

	private @Nullable String lastBad;

	FlagsFile(Path file, MeterRegistry registry) {
		this.file = file;
		this.failures = Counter.builder(RELOAD_FAILURES)
			.description("Versions of the feature flags file refused as invalid; the last good flags stay in force")
			.register(registry);
	}

	FlagsDocument current() {
		return this.current;
	}

	/**
	 * Reads the file if its version changed since the last check.
	 * @return the flags whose definition changed, empty when none did
	 */
	synchronized Set<String> refresh() {
		Object seen = version();
		if (Objects.equals(seen, this.version)) {
			return Set.of();
		}
		this.version = seen;
		byte[] bytes;
		try {
			bytes = SettingFiles.read(this.file, FlagsDocument.MAX_BYTES);
		}
		catch (IOException ex) {
			refused("unreadable: " + ex, SettingFiles.reason(ex));
			return Set.of();
		}
		try {
			FlagsDocument next = FlagsDocument.parse(bytes);
			Set<String> changed = changes(this.current, next);
			this.current = next;
			this.lastBad = null;
			return changed;
		}
		catch (InvalidFlagsException ex) {
			// the bytes as they are, one char each: an invalid version is the same
			// whatever its encoding
			refused(new String(bytes, StandardCharsets.ISO_8859_1), ex.getMessage());
			return Set.of();
		}
		catch (RuntimeException ex) {
			// a version the checks did not foresee is refused too: never thrown to the
			// poller, whose schedule an exception would end, so no later version were
			// read
			logger.error("Feature flags: {} could not be checked", this.file, ex);
			refused(new String(bytes, StandardCharsets.ISO_8859_1),
					"could not be checked (" + ex.getClass().getSimpleName() + ")");
			return Set.of();
		}
	}

	// Once per bad version: the poll sees the same broken file again and again.
	private void refused(String badVersion, String problems) {
		if (badVersion.equals(this.lastBad)) {
			return;
		}
		this.lastBad = badVersion;
		// logged before counted: whoever sees the count go up finds the reason logged
		logger.error("Feature flags: {} refused, the last good flags stay in force: {}", this.file, problems);
		this.failures.increment();
	}

	private static Set<String> changes(FlagsDocument before, FlagsDocument after) {
		Set<String> keys = new LinkedHashSet<>(before.definitions().keySet());
		keys.addAll(after.definitions().keySet());
		Set<String> changed = new LinkedHashSet<>();
		for (String key : keys) {
			String old = before.definitions().get(key);
			String now = after.definitions().get(key);
			if (!Objects.equals(old, now)) {
				changed.add(key);
				audit.info("feature flag changed flag={} from={} to={}", key, (old != null) ? old : "(none)",
						(now != null) ? now : "(none)");
			}
		}
		return changed;
	}

	private Object version() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(this.file, BasicFileAttributes.class);
			return List.of(attributes.lastModifiedTime(), String.valueOf(attributes.fileKey()), attributes.size());
		}
		catch (IOException ex) {
			return "unreadable: " + ex.getClass().getSimpleName();
		}
	}

}
