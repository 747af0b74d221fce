package dev.supergraph.starter.security;

import java.time.Duration;

/**
 * The nonces of router stamps already used.
 */
interface NonceMemory {

	/**
	 * Remember a nonce.
	 * @param nonce the nonce
	 * @param keepFor how long it must be remembered
	 * @return {@code true} when it was not seen before
	 */
	boolean firstUse(String nonce, Duration keepFor);

}
