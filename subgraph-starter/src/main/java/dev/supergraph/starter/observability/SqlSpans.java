package dev.supergraph.starter.observability;

import java.util.EnumSet;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * When tracing is on, every JDBC connection of a sampled trace and each of its statements
 * is a span, from datasource-micrometer: the statement's text with its {@code ?}
 * placeholders, never the parameter values. Connections of unsampled requests are not
 * proxied at all ({@link SampledTraceDataSource}).
 */
final class SqlSpans implements BeanPostProcessor {

	private final ObjectProvider<ObservationRegistry> observations;

	private final ObjectProvider<Tracer> tracer;

	SqlSpans(ObjectProvider<ObservationRegistry> observations, ObjectProvider<Tracer> tracer) {
		this.observations = observations;
		this.tracer = tracer;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource)) {
			return bean;
		}
		// Tracer.NOOP (tracing off) would make observations whose spans go nowhere
		Tracer tracer = this.tracer.getIfAvailable();
		if (tracer == null || tracer == Tracer.NOOP) {
			return bean;
		}
		DataSourceObservationListener spans = new DataSourceObservationListener(this.observations::getObject);
		spans.setIncludeParameterValues(false);
		spans
			.setSupportedTypes(EnumSet.of(JdbcObservationDocumentation.CONNECTION, JdbcObservationDocumentation.QUERY));
		DataSource traced = ProxyDataSourceBuilder.create(beanName, dataSource)
			.listener(spans)
			.methodListener(spans)
			.build();
		return new SampledTraceDataSource(dataSource, traced, tracer);
	}

}
