package dev.supergraph.starter.flags;

/**
 * A version of the flags file that is refused as a whole; the message names every
 * problem.
 */
class InvalidFlagsException extends RuntimeException {

	InvalidFlagsException(String message) {
		super(message);
	}

}
