package dev.supergraph.starter.errors;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts the {@link TransportErrorValve} in place of the error report valve that Spring
 * Boot adds to Tomcat's host. Ordered last, so Spring Boot's valve is already there to be
 * replaced.
 */
final class TransportErrorValveCustomizer
		implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ErrorResponseWriter writer;

	TransportErrorValveCustomizer(ErrorResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				Pipeline pipeline = host.getPipeline();
				for (Valve valve : pipeline.getValves()) {
					if (valve instanceof ErrorReportValve) {
						pipeline.removeValve(valve);
					}
				}
				pipeline.addValve(new TransportErrorValve(this.writer));
				// the host adds a valve of this class at start unless one is there
				// already
				host.setErrorReportValveClass(TransportErrorValve.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
