package dev.supergraph.starter.settings;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Files that settings name, read in one place: a regular file (after symbolic links) of a
 * bounded size, as the router reads them (router/setting-files.mjs, with the same words
 * and limits: contract/setting-files.json). A named pipe would block the read for ever, a
 * device such as {@code /dev/zero} never ends and a huge file exhausts the heap; each is
 * refused before it is read. And the failure of a start whose setting names a file the
 * subgraph cannot use: missing, unreadable or with the wrong content. Spring Boot's
 * failure analysis reports it as it reports a value out of range, naming the setting,
 * where it was set and why, without a stack trace.
 */
public final class SettingFiles {

	/**
	 * The largest API key file and JWT public key file read, as the router's.
	 */
	public static final int MAX_BYTES = 1_048_576;

	// the file type bits of a Unix mode (stat's S_IFMT) and the types among them
	private static final int TYPE_BITS = 0170000;

	private static final int NAMED_PIPE = 0010000;

	private static final int CHARACTER_DEVICE = 0020000;

	private static final int BLOCK_DEVICE = 0060000;

	private static final int SOCKET = 0140000;

	private SettingFiles() {
	}

	/**
	 * The bytes of a file a setting names.
	 * @param file the file
	 * @param maxBytes the most it may hold
	 * @return its content
	 * @throws UnusableFileException when it is no regular file or larger than
	 * {@code maxBytes}; at most {@code maxBytes + 1} bytes are read, so a file that grows
	 * meanwhile is refused too
	 * @throws IOException when it cannot be read
	 */
	public static byte[] read(Path file, int maxBytes) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
		if (!attributes.isRegularFile()) {
			throw new UnusableFileException(kind(file, attributes) + ", not a regular file");
		}
		if (attributes.size() > maxBytes) {
			throw new UnusableFileException(tooLarge(maxBytes));
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] bytes = in.readNBytes(maxBytes + 1);
			if (bytes.length > maxBytes) {
				throw new UnusableFileException(tooLarge(maxBytes));
			}
			return bytes;
		}
	}

	private static String tooLarge(int maxBytes) {
		return "is larger than " + maxBytes + " bytes";
	}

	private static String kind(Path file, BasicFileAttributes attributes) {
		if (attributes.isDirectory()) {
			return "is a directory";
		}
		return switch (unixMode(file) & TYPE_BITS) {
			case NAMED_PIPE -> "is a named pipe (FIFO)";
			case CHARACTER_DEVICE, BLOCK_DEVICE -> "is a device";
			case SOCKET -> "is a socket";
			default -> "is not a file";
		};
	}

	// the JDK's "unix" attribute view, on every Unix JDK; elsewhere no file type is named
	private static int unixMode(Path file) {
		try {
			return (Integer) Files.getAttribute(file, "unix:mode");
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return 0;
		}
	}

	/**
	 * The failure to throw for a file setting.
	 * @param property the setting, as documented
	 * ({@code subgraph.security.api-keys.file})
	 * @param value the file it names
	 * @param cause why it cannot be used: an {@link IOException} when it cannot be read,
	 * else an exception whose message says what is wrong with its content
	 * @return the exception, to throw
	 */
	public static InvalidConfigurationPropertyValueException unusable(String property, Object value, Exception cause) {
		return new InvalidConfigurationPropertyValueException(property, value, reason(cause), cause);
	}

	/**
	 * Why a file cannot be used, in words.
	 * @param cause the failure to read it or of its content
	 * @return the reason ({@code the file is a named pipe (FIFO), not a regular file})
	 */
	public static String reason(Exception cause) {
		if (cause instanceof UnusableFileException) {
			return "the file " + cause.getMessage();
		}
		if (cause instanceof NoSuchFileException) {
			return "the file does not exist";
		}
		if (cause instanceof AccessDeniedException) {
			return "the file may not be read";
		}
		if (cause instanceof FileNotFoundException) {
			// java.io and Spring resources say which of the two in the message
			return "the file cannot be opened: " + cause.getMessage();
		}
		if (cause instanceof IOException) {
			return "the file cannot be read: " + cause.getMessage();
		}
		return String.valueOf(cause.getMessage());
	}

}
