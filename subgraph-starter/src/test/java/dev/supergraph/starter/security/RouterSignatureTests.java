package dev.supergraph.starter.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subgraph computes the router's signature byte for byte. The expected value was
 * produced by the pinned router's own signing code
 * ({@code @graphql-mesh/hmac-upstream-signature},
 * {@code defaultExecutionRequestSerializer}, HMAC-SHA256 with secret
 * {@code test-secret}).
 */
class RouterSignatureTests {

	static final String QUERY = "query Q($r:[_Any!]!$s:String$n:Float$i:Int){_entities(representations:$r){...on Product{id}}}";

	static final String VARIABLES = """
			{"s": "line\\nbreak \\"q\\" é \\u2028 \\u0001 </tag>", "r": [{"id": "1", "__typename": "Product"}], "n": 1.5, "i": 42}""";

	static final String HIVE_SIGNATURE = "kWL8ONu82D82y0/h07xqRL+5lRlsOFZwRG8HzGyAPVI=";

	/**
	 * {@code freshnessStamp('test-secret', BODY, 1700000000000, 'A' x 22)} of
	 * router/freshness.mjs.
	 */
	static final String ROUTER_STAMP = "t=1700000000000,n=AAAAAAAAAAAAAAAAAAAAAA,s=6R9RSVXPPkoX28d8A1zUF3LoPTqpO90XZN9ivGGfhzs";

	static final byte[] BODY = "{\"query\":\"{ a }\"}".getBytes(StandardCharsets.UTF_8);

	RouterSignature signature = new RouterSignature("test-secret");

	@Test
	void freshnessStampOfTheRouterIsReproducedAndVerified() {
		Instant at = Instant.ofEpochMilli(1700000000000L);
		assertThat(this.signature.freshness(BODY, at, "A".repeat(22))).isEqualTo(ROUTER_STAMP);
		assertThat(this.signature.verifiedStamp(ROUTER_STAMP, BODY))
			.isEqualTo(new RouterSignature.Stamp(at, "A".repeat(22)));
	}

	@Test
	void stampsOfAnotherBodyOrSecretOrMalformedOnesDoNotVerify() {
		assertThat(this.signature.verifiedStamp(ROUTER_STAMP, "{\"query\":\"{ b }\"}".getBytes(StandardCharsets.UTF_8)))
			.isNull();
		assertThat(new RouterSignature("other-secret").verifiedStamp(ROUTER_STAMP, BODY)).isNull();
		assertThat(this.signature.verifiedStamp(ROUTER_STAMP.replace("t=17", "t=18"), BODY)).isNull();
		assertThat(this.signature.verifiedStamp("t=1,n=x,s=y", BODY)).isNull();
		assertThat(this.signature.verifiedStamp(null, BODY)).isNull();
	}

	@Test
	void replayGuardAcceptsAStampOnceAndOnlyWhileItIsRecent() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		ReplayGuard guard = new ReplayGuard(Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC),
				new LocalNonces(Duration.ofSeconds(120)));
		RouterSignature.Stamp fresh = new RouterSignature.Stamp(now.minusSeconds(5), "n1-aaaaaaaaaaaaaaaa");
		assertThat(guard.firstUse(fresh)).isTrue();
		assertThat(guard.firstUse(fresh)).as("replay").isFalse();
		assertThat(guard.firstUse(new RouterSignature.Stamp(now.minusSeconds(61), "n2-aaaaaaaaaaaaaaaa"))).isFalse();
		assertThat(guard.firstUse(new RouterSignature.Stamp(now.plusSeconds(61), "n3-aaaaaaaaaaaaaaaa"))).isFalse();
		assertThat(guard.firstUse(new RouterSignature.Stamp(now.plusSeconds(2), "n4-aaaaaaaaaaaaaaaa"))).isTrue();
	}

	@Test
	void aBlankSecretTurnsSigningOff() {
		assertThat(new RouterSignature(" ").enabled()).isFalse();
		assertThat(new RouterSignature(" ").freshness(new byte[0])).isNull();
	}

}
