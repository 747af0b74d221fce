package dev.supergraph.starter.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access denials to the {@code audit} logger, one structured line per request,
 * field path and rule: subject, client, operation, path (list indices as {@code [*]}),
 * rule, how many times it was denied, and the request id. Never token contents. Each
 * denial also counts in {@code graphql.authorization.denials} (label {@code rule}).
 */
class AuditLog {

	private static final Logger audit = LoggerFactory.getLogger("audit");

	static final String DENIALS = "graphql.authorization.denials";

	private final @Nullable MeterRegistry registry;

	AuditLog(@Nullable MeterRegistry registry) {
		this.registry = registry;
	}

	void denied(AuditTrail.Caller caller, String path, String rule, int count) {
		if (this.registry != null) {
			Counter.builder(DENIALS).tag("rule", rule).register(this.registry).increment(count);
		}
		audit.warn("access denied subject={} client={} operation={} path={} rule={} count={} requestId={}",
				caller.subject(), caller.client(), caller.operation(), path, rule, count, caller.requestId());
	}

}
