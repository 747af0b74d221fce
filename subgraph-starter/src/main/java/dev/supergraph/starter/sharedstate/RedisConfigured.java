package dev.supergraph.starter.sharedstate;

import org.springframework.core.env.Environment;

/**
 * The one test of whether a deployment points its subgraphs at a Redis: the standard
 * {@code spring.data.redis.host} or {@code spring.data.redis.url} is set. Spring Boot
 * configures a client for localhost either way, so the client's presence says nothing.
 */
public final class RedisConfigured {

	private RedisConfigured() {
	}

	/**
	 * Whether a Redis is configured.
	 * @param environment the application's environment
	 * @return {@code true} when state is to be shared through Redis
	 */
	public static boolean in(Environment environment) {
		return environment.containsProperty("spring.data.redis.host")
				|| environment.containsProperty("spring.data.redis.url");
	}

}
