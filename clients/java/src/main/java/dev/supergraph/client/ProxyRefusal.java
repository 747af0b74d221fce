package dev.supergraph.client;

import java.io.IOException;

/**
 * A 407 (Proxy Authentication Required): a proxy's answer, between the client and the
 * router, which the request did not reach, so {@link ClientErrorReason#UNREACHABLE}
 * without a status, whatever its body, as the TypeScript client's fetch gives it
 * ({@code contract/client-responses.json}, {@code brokenAnswers}).
 */
final class ProxyRefusal extends IOException {

	private static final int PROXY_AUTHENTICATION_REQUIRED = 407;

	private ProxyRefusal() {
		super("a proxy asks for authentication (HTTP 407): the request did not reach the router");
	}

	/**
	 * Refuses a 407.
	 * @param status the answer's status
	 * @throws ProxyRefusal when it is 407
	 */
	static void check(int status) throws ProxyRefusal {
		if (status == PROXY_AUTHENTICATION_REQUIRED) {
			throw new ProxyRefusal();
		}
	}

}
