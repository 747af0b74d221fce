package dev.supergraph.starter.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process replay memory: every nonce refused a second time for at least as long as
 * it must be remembered, however many there are and whichever thread asks.
 */
class LocalNoncesTests {

	private static final Duration KEEP_FOR = Duration.ofSeconds(120);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AtomicLong now = new AtomicLong(1_000);

	private final LocalNonces nonces = new LocalNonces(KEEP_FOR, this.now::get);

	@Test
	void aNonceIsAcceptedOnceAndRefusedAfter() {
		String nonce = nonce();
		assertThat(this.nonces.firstUse(nonce, KEEP_FOR)).isTrue();
		assertThat(this.nonces.firstUse(nonce, KEEP_FOR)).isFalse();
		assertThat(this.nonces.firstUse(nonce(), KEEP_FOR)).isTrue();
	}

	@Test
	void aNonceIsRememberedForAtLeastKeepForWhenItCameAndForgottenAfterTwice() {
		String early = nonce();
		assertThat(this.nonces.firstUse(early, KEEP_FOR)).isTrue();
		advance(KEEP_FOR.minusSeconds(1));
		String late = nonce();
		assertThat(this.nonces.firstUse(late, KEEP_FOR)).isTrue();
		advance(Duration.ofSeconds(1));
		assertThat(this.nonces.firstUse(early, KEEP_FOR)).as("keepFor after it came").isFalse();
		advance(KEEP_FOR.minusSeconds(2));
		assertThat(this.nonces.firstUse(late, KEEP_FOR)).as("keepFor after it came, a generation later").isFalse();
		advance(KEEP_FOR.multipliedBy(2));
		assertThat(this.nonces.firstUse(early, KEEP_FOR)).as("twice keepFor after").isTrue();
	}

	@Test
	void manyNoncesAcrossGenerationsAreEachAcceptedOnce() {
		List<String> all = new ArrayList<>();
		for (int generation = 0; generation < 3; generation++) {
			for (int i = 0; i < 50_000; i++) {
				String nonce = nonce();
				all.add(nonce);
				assertThat(this.nonces.firstUse(nonce, KEEP_FOR)).isTrue();
			}
			advance(KEEP_FOR.dividedBy(2));
		}
		// the last generation and the one before it are still remembered
		assertThat(all.subList(50_000, all.size()))
			.allSatisfy((nonce) -> assertThat(this.nonces.firstUse(nonce, KEEP_FOR)).isFalse());
	}

	@Test
	void concurrentRequestsAcceptEachNonceExactlyOnce() throws Exception {
		LocalNonces shared = new LocalNonces(KEEP_FOR);
		List<String> batch = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			batch.add(nonce());
		}
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> accepted = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				accepted.add(
						threads.submit(() -> (int) batch.stream().filter((n) -> shared.firstUse(n, KEEP_FOR)).count()));
			}
			int total = 0;
			for (Future<Integer> count : accepted) {
				total += count.get();
			}
			assertThat(total).isEqualTo(batch.size());
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void digestsTellNoncesOfTheRoutersFormApart() {
		assertThat(LocalNonces.digest("AAAAAAAAAAAAAAAAAAAAAA"))
			.isNotEqualTo(LocalNonces.digest("AAAAAAAAAAAAAAAAAAAAAB"))
			.isNotEqualTo(LocalNonces.digest("BAAAAAAAAAAAAAAAAAAAAA"));
	}

	private void advance(Duration by) {
		this.now.addAndGet(by.toNanos());
	}

	private static String nonce() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
