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
		assertThat(output.getOut()).contains("refused unsigned or replayed request remote=127.0.0.1 stamped=false");
	}

}
