package dev.supergraph.starter.dev;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;

/**
 * Runs a subgraph on an embedded PostgreSQL (real PostgreSQL binaries from Maven Central)
 * when no database URL is configured (never with the {@code prod} profile, where a
 * missing URL fails at startup), so the local run needs nothing but a JDK and uses the
 * same SQL and migrations as production. Each start gets a fresh, empty database.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "subgraph.database.embedded.enabled", matchIfMissing = true)
@Conditional(OnNoDataSourceUrlCondition.class)
@Profile("!prod")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public final class EmbeddedDatabaseAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedDatabaseAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(properties.port()).start();
		logger.info("Started embedded PostgreSQL on port {} (set spring.datasource.url to use a real server)",
				postgres.getPort());
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName("org.postgresql.Driver")
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.build();
	}

}
