package dev.supergraph.starter.security;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a subgraph recognises requests that the router signed.
 *
 * @param routerSecret the secret the router signs with (its {@code ROUTER_HMAC_SECRET}),
 * at least {@value #MIN_SECRET_LENGTH} characters, as long as the HMAC-SHA256 key RFC
 * 2104 asks for; unset or blank, requests are not checked (refused at start with the
 * {@code prod} profile)
 * @param routerFreshness how old, or how early, a router's stamp may be; each stamp is
 * accepted once and remembered for twice this long
 */
@ConfigurationProperties("subgraph.security")
public record RouterSignatureProperties(@Nullable String routerSecret,
		@DefaultValue("60s") @DurationMin(millis = 1) Duration routerFreshness) {

	static final int MIN_SECRET_LENGTH = 32;

	@AssertTrue(
			message = "router-secret must be at least " + MIN_SECRET_LENGTH + " characters, e.g. openssl rand -hex 32")
	boolean isRouterSecretLongEnough() {
		return this.routerSecret == null || this.routerSecret.isBlank()
				|| this.routerSecret.length() >= MIN_SECRET_LENGTH;
	}

}
