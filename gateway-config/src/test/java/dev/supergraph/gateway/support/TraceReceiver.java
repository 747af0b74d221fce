package dev.supergraph.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small OTLP/HTTP trace receiver on a loopback port: what the router (OTLP JSON) and
 * the subgraphs (OTLP protobuf) export lands here as plain {@link Span}s.
 */
public final class TraceReceiver {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<Span> spans = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private TraceReceiver(HttpServer server) {
		this.server = server;
		server.createContext("/v1/traces", this::receive);
		server.start();
	}

	/**
	 * Start a receiver on a free loopback port.
	 * @return the running receiver
	 */
	public static TraceReceiver start() {
		try {
			return new TraceReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The URL to export traces to. */
	public String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/**
	 * Every span received so far.
	 * @return the spans
	 */
	public List<Span> spans() {
		return List.copyOf(this.spans);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			byte[] bytes = body.readAllBytes();
			String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
			this.spans.addAll(type.contains("json") ? fromJson(bytes) : fromProtobuf(bytes));
			byte[] answer = type.contains("json") ? "{}".getBytes() : new byte[0];
			exchange.getResponseHeaders().set("Content-Type", type);
			exchange.sendResponseHeaders(200, (answer.length == 0) ? -1 : answer.length);
			exchange.getResponseBody().write(answer);
		}
		finally {
			exchange.close();
		}
	}

	private static List<Span> fromProtobuf(byte[] bytes) throws IOException {
		HexFormat hex = HexFormat.of();
		List<Span> received = new ArrayList<>();
		for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(bytes).getResourceSpansList()) {
			String service = attributes(resource.getResource().getAttributesList()).get("service.name");
			for (ScopeSpans scope : resource.getScopeSpansList()) {
				for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
					received.add(new Span(service, hex.formatHex(span.getTraceId().toByteArray()),
							hex.formatHex(span.getSpanId().toByteArray()),
							hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
							attributes(span.getAttributesList())));
				}
			}
		}
		return received;
	}

	private static Map<String, String> attributes(List<KeyValue> values) {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (KeyValue value : values) {
			AnyValue any = value.getValue();
			attributes.put(value.getKey(), any.hasStringValue() ? any.getStringValue() : any.toString().trim());
		}
		return attributes;
	}

	private static List<Span> fromJson(byte[] bytes) {
		List<Span> received = new ArrayList<>();
		for (JsonNode resource : json.readTree(bytes).path("resourceSpans")) {
			String service = attributes(resource.path("resource").path("attributes")).get("service.name");
			for (JsonNode scope : resource.path("scopeSpans")) {
				for (JsonNode span : scope.path("spans")) {
					received.add(new Span(service, span.path("traceId").asString(), span.path("spanId").asString(),
							span.path("parentSpanId").asString(""), span.path("name").asString(),
							attributes(span.path("attributes"))));
				}
			}
		}
		return received;
	}

	private static Map<String, String> attributes(JsonNode values) {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (JsonNode value : values) {
			JsonNode any = value.path("value");
			attributes.put(value.path("key").asString(),
					any.has("stringValue") ? any.path("stringValue").asString() : any.toString());
		}
		return attributes;
	}

	/**
	 * One span as exported.
	 *
	 * @param service the exporting service ({@code service.name})
	 * @param traceId the trace id, hex
	 * @param spanId the span id, hex
	 * @param parentSpanId the parent's span id, hex, empty for a root
	 * @param name the span name
	 * @param attributes its attributes, values as text
	 */
	public record Span(String service, String traceId, String spanId, String parentSpanId, String name,
			Map<String, String> attributes) {

	}

}
