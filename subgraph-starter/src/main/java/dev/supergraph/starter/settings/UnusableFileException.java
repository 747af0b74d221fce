package dev.supergraph.starter.settings;

import java.io.IOException;

/**
 * A file a setting names that the subgraph does not read: no regular file (a directory, a
 * named pipe, a device) or larger than its limit. The message says why in the router's
 * words ({@code is a named pipe (FIFO), not a regular file}).
 */
public final class UnusableFileException extends IOException {

	UnusableFileException(String message) {
		super(message);
	}

}
