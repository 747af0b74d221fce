package dev.supergraph.schematools;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read or written, in words: the JDK's messages are often only
 * the path ({@code NotDirectoryException}) or a decoder's {@code Input length = 1}.
 */
public final class FileProblems {

	private FileProblems() {
	}

	/**
	 * The reason of a failed read or write.
	 * @param failure what the file system or the decoder threw
	 * @return e.g. {@code it does not exist}, {@code it is not UTF-8 text}
	 */
	public static String reason(IOException failure) {
		if (failure instanceof CharacterCodingException) {
			return "it is not UTF-8 text";
		}
		if (failure instanceof NoSuchFileException) {
			return "it does not exist";
		}
		if (failure instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (failure instanceof NotDirectoryException) {
			return "a part of its path is not a directory";
		}
		if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			return fileSystem.getReason();
		}
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
	}

}
