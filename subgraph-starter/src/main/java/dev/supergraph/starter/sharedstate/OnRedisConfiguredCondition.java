package dev.supergraph.starter.sharedstate;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@link RedisConfigured}.
 */
class OnRedisConfiguredCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return RedisConfigured.in(context.getEnvironment());
	}

}
