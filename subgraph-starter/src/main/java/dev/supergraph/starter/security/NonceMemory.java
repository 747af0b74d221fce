package dev.supergraph.starter.security;

import java.time.Duration;

/**
 * The nonces of router stamps already used.
 */
interface NonceMemory {

	/**
	 * Remember a stamp's nonce.
	 * @param stamp the stamp, recent
	 * @param keepFor how long its nonce must be remembered
	 * @return {@code true} when it was not seen before
	 */
	boolean firstUse(RouterSignature.Stamp stamp, Duration keepFor);

}
