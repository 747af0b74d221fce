package dev.supergraph.starter.flags;

import java.nio.file.Path;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import dev.supergraph.starter.security.RequestClientNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Feature flags ({@link FlagsProperties}): the {@link FeatureFlags} bean over an
 * OpenFeature API of this context. The provider is, in order: the application's own
 * {@link FeatureProvider} bean; the class named by {@code subgraph.flags.provider-class};
 * the flags file {@code subgraph.flags.file}; else OpenFeature's no-op provider, so every
 * flag is its coded default.
 */
@AutoConfiguration
@EnableConfigurationProperties(FlagsProperties.class)
public final class FlagsAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(FlagsAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(FeatureProvider.class)
	FeatureProvider featureProvider(FlagsProperties properties, ObjectProvider<MeterRegistry> registry) {
		String providerClass = properties.providerClass();
		if (providerClass != null) {
			Class<?> type = ClassUtils.resolveClassName(providerClass, FlagsAutoConfiguration.class.getClassLoader());
			return (FeatureProvider) BeanUtils.instantiateClass(type);
		}
		Path file = properties.file();
		if (file != null) {
			return new FileFlagProvider(new FlagsFile(file, registry.getIfAvailable(SimpleMeterRegistry::new)),
					properties.pollInterval());
		}
		return new NoOpProvider();
	}

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean
	OpenFeatureAPI openFeatureApi(FeatureProvider provider) {
		OpenFeatureAPI api = new ContextOpenFeatureApi();
		try {
			api.setProviderAndWait(provider);
		}
		catch (OpenFeatureError ex) {
			// Flags answer their coded defaults until the provider is ready; no reason
			// not to start.
			logger.warn("Feature flag provider {} not ready: {}", provider.getMetadata().getName(), ex.getMessage());
		}
		return api;
	}

	@Bean
	@ConditionalOnMissingBean
	FeatureFlags featureFlags(OpenFeatureAPI openFeatureApi, ObjectProvider<MeterRegistry> registry,
			ObjectProvider<RequestClientNames> clientNames) {
		return new FeatureFlags(openFeatureApi, registry.getIfAvailable(SimpleMeterRegistry::new),
				clientNames.getIfAvailable(RequestClientNames::withoutApiKeys));
	}

}
