package dev.supergraph.starter.ratelimit;

import dev.supergraph.starter.errors.ErrorsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit is on in every web subgraph with 1200 requests per minute, off with
 * {@code subgraph.rate-limit.requests-per-minute=0}, and absent outside a web
 * application.
 */
class RateLimitAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
				ErrorsAutoConfiguration.class, RateLimitAutoConfiguration.class));

	@Test
	void onByDefaultWithTheDocumentedBudget() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("rateLimitFilter");
			assertThat(context.getBean("rateLimitFilter", FilterRegistrationBean.class).getFilter())
				.isInstanceOf(RateLimitFilter.class);
			assertThat(context.getBean(RateLimitProperties.class).requestsPerMinute()).isEqualTo(1200);
		});
	}

	@Test
	void offWithABudgetOfZero() {
		this.runner.withPropertyValues("subgraph.rate-limit.requests-per-minute=0")
			.run((context) -> assertThat(context).doesNotHaveBean("rateLimitFilter"));
	}

	@Test
	void budgetIsConfigurable() {
		this.runner.withPropertyValues("subgraph.rate-limit.requests-per-minute=7", "subgraph.rate-limit.max-clients=9")
			.run((context) -> assertThat(context.getBean(RateLimitProperties.class))
				.isEqualTo(new RateLimitProperties(7, 9)));
	}

}
