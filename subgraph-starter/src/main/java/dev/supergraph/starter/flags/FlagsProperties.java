package dev.supergraph.starter.flags;

import java.nio.file.Path;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the subgraph's feature flags come from. With neither a file nor a provider class
 * (nor a {@code FeatureProvider} bean of the application), every flag is its coded
 * default.
 *
 * @param file the platform's flags file ({@code contract/feature-flags.schema.json}), the
 * router's {@code FLAGS_FILE}
 * @param pollInterval how often the file is checked for a change
 * @param providerClass another OpenFeature provider instead of the file, by class name
 * (e.g. flagd's {@code dev.openfeature.contrib.providers.flagd.FlagdProvider}, configured
 * by its own environment variables): it needs a public no-argument constructor and its
 * jar on the classpath
 */
@ConfigurationProperties(prefix = "subgraph.flags", ignoreUnknownFields = false)
public record FlagsProperties(@Nullable Path file,
		@DefaultValue("250ms") @DurationMin(millis = 1) Duration pollInterval, @Nullable String providerClass) {

}
