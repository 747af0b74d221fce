package dev.supergraph.starter.sharedstate;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out Spring Boot's Redis auto-configuration unless {@link RedisConfigured}.
 * Spring Boot would otherwise build a Lettuce client for localhost in every subgraph,
 * Redis or not: its Netty resources and about a thousand classes loaded at start and kept
 * for the life of the process, for a client nothing calls.
 */
public final class RedisOnlyWhenConfigured implements AutoConfigurationImportFilter, EnvironmentAware {

	private static final String REDIS_AUTO_CONFIGURATION = "org.springframework.boot.data.redis.autoconfigure.";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean redis = RedisConfigured.in(this.environment);
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < matches.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = redis || candidate == null || !candidate.startsWith(REDIS_AUTO_CONFIGURATION);
		}
		return matches;
	}

}
