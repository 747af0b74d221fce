package dev.supergraph.starter.limits;

import dev.supergraph.starter.errors.ErrorsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request limit is on by default with the documented values, each value is
 * configurable, and the HTTP filters exist only in a web application.
 */
class LimitsAutoConfigurationTests {

	private final AutoConfigurations configurations = AutoConfigurations.of(JacksonAutoConfiguration.class,
			ValidationAutoConfiguration.class, ErrorsAutoConfiguration.class, LimitsAutoConfiguration.class);

	@Test
	void everyLimitIsOnByDefault() {
		new WebApplicationContextRunner().withConfiguration(this.configurations).run((context) -> {
			assertThat(context).hasSingleBean(DepthLimitInstrumentation.class)
				.hasSingleBean(ComplexityLimitInstrumentation.class)
				.hasSingleBean(OperationShapeInstrumentation.class)
				.hasSingleBean(ParserLimitInstrumentation.class)
				.hasSingleBean(TimeoutInstrumentation.class)
				.hasSingleBean(DocumentCache.class)
				.hasBean("requestShapeFilter")
				.hasBean("bodySizeLimitFilter");
			LimitsProperties limits = context.getBean(LimitsProperties.class);
			assertThat(limits.maxDepth()).isEqualTo(12);
			assertThat(limits.maxComplexity()).isEqualTo(20000);
			assertThat(limits.maxTokens()).isEqualTo(5000);
			assertThat(limits.maxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
		});
	}

	@Test
	void limitsAreConfigurable() {
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("subgraph.limits.max-depth=3", "subgraph.limits.max-aliases=2",
					"subgraph.limits.max-body-size=1KB")
			.run((context) -> {
				LimitsProperties limits = context.getBean(LimitsProperties.class);
				assertThat(limits.maxDepth()).isEqualTo(3);
				assertThat(limits.maxAliases()).isEqualTo(2);
				assertThat(limits.maxBodySize()).isEqualTo(DataSize.ofKilobytes(1));
			});
	}

	@Test
	void noHttpFiltersOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.run((context) -> assertThat(context).hasSingleBean(DepthLimitInstrumentation.class)
				.doesNotHaveBean("requestShapeFilter")
				.doesNotHaveBean("bodySizeLimitFilter"));
	}

}
