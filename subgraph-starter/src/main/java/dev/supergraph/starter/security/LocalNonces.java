package dev.supergraph.starter.security;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Nonces remembered in this process. Alone (no Redis configured) it is correct for one
 * replica: a replay sent to another replica within the maximum age passes.
 * <p>
 * A subgraph remembers every stamp it accepted for twice the maximum age, tens of
 * thousands of nonces under load: as cache entries with their strings they took about 150
 * bytes each, a quarter of a busy subgraph's live heap (docs/performance.md). Here each
 * nonce is a 64-bit digest in an open-addressing table of {@code long}s, about 12-24
 * bytes, in two generations: the current one takes new nonces, both are asked, and the
 * older is dropped when the current one has covered {@code keepFor}, so a nonce is
 * remembered for at least {@code keepFor} and at most twice that. Only the router can
 * mint a stamp with a valid MAC, so nobody outside can fill the tables or aim for a
 * digest collision; between random nonces one is about as likely as {@code n / 2^64} per
 * request with {@code n} remembered.
 */
final class LocalNonces implements NonceMemory {

	/**
	 * Nonces per generation before it is retired early, as the cache's size bound did.
	 */
	static final int MAX_PER_GENERATION = 1 << 20;

	private final long keepForNanos;

	private final LongSupplier nanoTime;

	private DigestSet current = new DigestSet(1024);

	private DigestSet previous = new DigestSet(1);

	private long currentSince;

	LocalNonces(Duration keepFor) {
		this(keepFor, System::nanoTime);
	}

	LocalNonces(Duration keepFor, LongSupplier nanoTime) {
		this.keepForNanos = keepFor.toNanos();
		this.nanoTime = nanoTime;
		this.currentSince = nanoTime.getAsLong();
	}

	@Override
	public boolean firstUse(RouterSignature.Stamp stamp, Duration keepFor) {
		return firstUse(stamp.nonce(), keepFor);
	}

	synchronized boolean firstUse(String nonce, Duration keepFor) {
		retireExpired();
		long digest = digest(nonce);
		return !this.previous.contains(digest) && this.current.add(digest);
	}

	private void retireExpired() {
		long now = this.nanoTime.getAsLong();
		long age = now - this.currentSince;
		if (age < this.keepForNanos && this.current.size() < MAX_PER_GENERATION) {
			return;
		}
		// Past twice keepFor, the current generation's nonces are all due too.
		this.previous = (age < 2 * this.keepForNanos) ? this.current : new DigestSet(1);
		this.current = new DigestSet(Math.max(1024, this.previous.size()));
		this.currentSince = now;
	}

	/**
	 * FNV-1a over the nonce's characters, then MurmurHash3's finalizer to spread the
	 * bits.
	 */
	static long digest(String nonce) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < nonce.length(); i++) {
			hash = (hash ^ nonce.charAt(i)) * 0x100000001b3L;
		}
		hash ^= hash >>> 33;
		hash *= 0xff51afd7ed558ccdL;
		hash ^= hash >>> 33;
		hash *= 0xc4ceb9fe1a85ec53L;
		hash ^= hash >>> 33;
		return hash;
	}

	/** A set of digests, open addressing with linear probing; 0 marks a free slot. */
	private static final class DigestSet {

		private long[] slots;

		private int size;

		DigestSet(int expected) {
			this.slots = new long[Integer.highestOneBit(Math.max(1, expected) * 2 - 1) * 2];
		}

		int size() {
			return this.size;
		}

		boolean contains(long digest) {
			long key = nonZero(digest);
			int mask = this.slots.length - 1;
			for (int i = (int) key & mask;; i = (i + 1) & mask) {
				if (this.slots[i] == key) {
					return true;
				}
				if (this.slots[i] == 0) {
					return false;
				}
			}
		}

		/** Adds a digest; {@code false} when it was there already. */
		boolean add(long digest) {
			if ((this.size + 1) * 3L > this.slots.length * 2L) {
				grow();
			}
			if (!insert(this.slots, nonZero(digest))) {
				return false;
			}
			this.size++;
			return true;
		}

		private void grow() {
			long[] larger = new long[this.slots.length * 2];
			for (long key : this.slots) {
				if (key != 0) {
					insert(larger, key);
				}
			}
			this.slots = larger;
		}

		private static boolean insert(long[] slots, long key) {
			int mask = slots.length - 1;
			for (int i = (int) key & mask;; i = (i + 1) & mask) {
				if (slots[i] == key) {
					return false;
				}
				if (slots[i] == 0) {
					slots[i] = key;
					return true;
				}
			}
		}

		private static long nonZero(long digest) {
			return (digest != 0) ? digest : 1;
		}

	}

}
