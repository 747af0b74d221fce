package dev.supergraph.starter.observability;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * The SQL metrics (the round trips of each request and of the subgraph) and, when tracing
 * is on, the SQL spans of sampled traces; all off with
 * {@code subgraph.observability.sql-metrics=false}. The application's
 * {@code JdbcTemplate} is the counting one, configured from
 * {@code spring.jdbc.template.*} as Spring Boot's would be, so it comes before Spring
 * Boot's JDBC template configuration.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		beforeName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, JdbcTemplate.class, DataSource.class })
@ConditionalOnBooleanProperty(name = "subgraph.observability.sql-metrics", matchIfMissing = true)
@EnableConfigurationProperties(JdbcProperties.class)
public final class SqlMetricsAutoConfiguration {

	@Bean
	SqlStatementCounts sqlStatementCounts(MeterRegistry registry) {
		return new SqlStatementCounts(registry);
	}

	@Bean
	@ConditionalOnMissingBean(JdbcOperations.class)
	@ConditionalOnSingleCandidate(DataSource.class)
	JdbcTemplate jdbcTemplate(DataSource dataSource, JdbcProperties properties,
			ObjectProvider<SQLExceptionTranslator> exceptionTranslator, SqlStatementCounts counts) {
		JdbcTemplate template = new CountingJdbcTemplate(dataSource, counts);
		JdbcProperties.Template settings = properties.getTemplate();
		template.setIgnoreWarnings(settings.isIgnoreWarnings());
		template.setFetchSize(settings.getFetchSize());
		template.setMaxRows(settings.getMaxRows());
		if (settings.getQueryTimeout() != null) {
			template.setQueryTimeout((int) settings.getQueryTimeout().getSeconds());
		}
		template.setSkipResultsProcessing(settings.isSkipResultsProcessing());
		template.setSkipUndeclaredResults(settings.isSkipUndeclaredResults());
		template.setResultsMapCaseInsensitive(settings.isResultsMapCaseInsensitive());
		exceptionTranslator.ifUnique(template::setExceptionTranslator);
		return template;
	}

	@Bean
	static SqlSpans sqlSpans(ObjectProvider<ObservationRegistry> observations, ObjectProvider<Tracer> tracer) {
		return new SqlSpans(observations, tracer);
	}

}
