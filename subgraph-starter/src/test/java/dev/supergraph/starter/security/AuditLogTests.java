package dev.supergraph.starter.security;

import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every denial is written to the {@code audit} log, once per request and rule, with who
 * asked for what; refused unsigned requests too.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditLogTests {

	private final TestSubgraph subgraph = TestSubgraph.running();

	@Test
	void aDeniedFieldIsAudited(CapturedOutput output) {
		this.subgraph.request("query Secrets { secret }").bearer(this.subgraph.token("auditee-1", "other")).send();
		assertThat(output.getOut()).containsPattern(
				"access denied subject=auditee-1 client=- operation=Secrets path=/secret rule=@requiresScopes\\[\\[secret:read]] count=1");
	}

	@Test
	void anUnsignedRequestIsAudited(CapturedOutput output) {
		this.subgraph.request("{ greeting }").unsigned().send();
		assertThat(output.getOut()).contains("refused unsigned or replayed request remote=127.0.0.1 reason=no-stamp");
		// signed with another secret, as a router whose secret differs from the
		// subgraph's signs
		String body = "{\"query\":\"{ greeting }\"}";
		String otherSecret = new RouterSignature("another-secret-0123456789abcdefghij")
			.freshness(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		this.subgraph.request("{ greeting }").stamp(otherSecret).send();
		assertThat(output.getOut()).contains("refused unsigned or replayed request remote=127.0.0.1 reason=bad-stamp");
		String stamp = this.subgraph.request("{ greeting }").freshStamp();
		this.subgraph.request("{ greeting }").stamp(stamp).send();
		this.subgraph.request("{ greeting }").stamp(stamp).send();
		assertThat(output.getOut())
			.contains("refused unsigned or replayed request remote=127.0.0.1 reason=replayed-or-stale");
	}

}
