package dev.supergraph.starter.sharedstate;

import org.springframework.core.env.Environment;

/**
 * The one test of whether a deployment points its subgraphs at a Redis: one of the
 * standard {@code spring.data.redis.host}, {@code .url}, {@code .sentinel.master},
 * {@code .sentinel.nodes} or {@code .cluster.nodes} is set. Spring Boot configures a
 * client for localhost either way, so the client's presence says nothing. A cluster is
 * not supported for shared state: it counts as configured so that it fails in sight
 * ({@code subgraph.redis.failures}, a log line) instead of leaving every replica with
 * state of its own unnoticed.
 */
public final class RedisConfigured {

	// A list of nodes is one property as a comma-separated value, indexed ones as a YAML
	// list.
	private static final String[] PROPERTIES = { "spring.data.redis.host", "spring.data.redis.url",
			"spring.data.redis.sentinel.master", "spring.data.redis.sentinel.nodes",
			"spring.data.redis.sentinel.nodes[0]", "spring.data.redis.cluster.nodes",
			"spring.data.redis.cluster.nodes[0]" };

	private RedisConfigured() {
	}

	/**
	 * Whether a Redis is configured.
	 * @param environment the application's environment
	 * @return {@code true} when state is to be shared through Redis
	 */
	public static boolean in(Environment environment) {
		for (String property : PROPERTIES) {
			if (environment.containsProperty(property)) {
				return true;
			}
		}
		return false;
	}

}
