package dev.supergraph.starter.flags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;
import dev.supergraph.starter.security.Viewer;
import graphql.GraphQLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which provider answers the {@link FeatureFlags}: none configured, every flag is its
 * coded default; {@code subgraph.flags.file}, the flags file; a provider class by name;
 * or the application's own {@link FeatureProvider} bean, before which the rest backs off.
 */
class FlagsAutoConfigurationTests {

	private static final GraphQLContext USER = GraphQLContext.of(Map.of(Viewer.class, new Viewer("u-1", Set.of())));

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlagsAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void withoutConfigurationEveryFlagIsItsCodedDefault() {
		this.contexts.run((context) -> {
			assertThat(context).getBean(FeatureProvider.class).isInstanceOf(NoOpProvider.class);
			FeatureFlags flags = context.getBean(FeatureFlags.class);
			assertThat(flags.isEnabled("inventory-stock", true, USER)).isTrue();
			assertThat(flags.isEnabled("inventory-stock", false, USER)).isFalse();
		});
	}

	@Test
	void aFlagsFileIsReadByTheFileProvider() throws IOException {
		Path file = this.directory.resolve("flags.json");
		Files.writeString(file,
				"""
						{"flags": {"beta": {"enabled": true, "default": false, "rules": [{"value": true, "userIds": ["u-1"]}]}}}""");
		this.contexts.withPropertyValues("subgraph.flags.file=" + file).run((context) -> {
			assertThat(context).getBean(FeatureProvider.class).isInstanceOf(FileFlagProvider.class);
			assertThat(context.getBean(FeatureFlags.class).isEnabled("beta", false, USER)).isTrue();
		});
	}

	@Test
	void anotherProviderIsChosenByClassName() {
		this.contexts.withPropertyValues("subgraph.flags.provider-class=" + AlwaysOnProvider.class.getName())
			.run((context) -> {
				assertThat(context).getBean(FeatureProvider.class).isInstanceOf(AlwaysOnProvider.class);
				assertThat(context.getBean(FeatureFlags.class).isEnabled("beta", false, USER)).isTrue();
			});
	}

	@Test
	void backsOffForTheApplicationsProvider() {
		this.contexts.withPropertyValues("subgraph.flags.file=/nonexistent/flags.json")
			.withBean(FeatureProvider.class,
					() -> new InMemoryProvider(Map.of("beta",
							Flag.builder().variant("on", true).variant("off", false).defaultVariant("on").build())))
			.run((context) -> {
				assertThat(context).getBean(FeatureProvider.class).isInstanceOf(InMemoryProvider.class);
				assertThat(context.getBean(FeatureFlags.class).isEnabled("beta", false, USER)).isTrue();
			});
	}

	@Test
	void theOpenFeatureApiIsTheContextsOwnNotTheGlobalOne() {
		this.contexts.run((context) -> {
			assertThat(context.getBean(OpenFeatureAPI.class)).isNotSameAs(OpenFeatureAPI.getInstance());
		});
	}

	/** A provider with a public no-argument constructor, as flagd's is. */
	public static class AlwaysOnProvider extends InMemoryProvider {

		public AlwaysOnProvider() {
			super(Map.of("beta", Flag.builder().variant("on", true).defaultVariant("on").build()));
		}

	}

}
