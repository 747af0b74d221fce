package dev.supergraph.inventory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.supergraph.starter.observability.ClientNames;
import dev.supergraph.starter.observability.RequestIds;
import dev.supergraph.starter.security.RouterSignature;

/**
 * The inventory's way to the {@link RunningCatalog}: a loopback HTTP server that counts
 * the calls and forwards each one unchanged (the body and the headers the signature and
 * the catalog read), or plays a sick catalog. One per JVM.
 */
final class CatalogLink {

	/** What the link does with a call. */
	enum Mode {

		/** Forward it to the catalog. */
		FORWARD,
		/** Close the connection without an answer, as a crashed catalog. */
		DOWN,
		/**
		 * Hold it for {@link CatalogLink#STALL_MILLIS} before forwarding, as a slow
		 * catalog.
		 */
		STALL,
		/** Answer with a GraphQL error, as a catalog whose database is sick. */
		ERRORS

	}

	static final long STALL_MILLIS = 3_000;

	private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Accept", "Authorization",
			RouterSignature.FRESHNESS_HEADER, RequestIds.HEADER, ClientNames.HEADER, "traceparent");

	private static CatalogLink link;

	private final HttpServer server;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.FORWARD);

	private CatalogLink() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/graphql", this::handle);
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> this.server.stop(0)));
	}

	static synchronized CatalogLink get() {
		if (link == null) {
			try {
				link = new CatalogLink();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return link;
	}

	/**
	 * The URL the inventory calls instead of the catalog's.
	 * @return the URL
	 */
	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/graphql";
	}

	/**
	 * The calls received so far.
	 * @return the count
	 */
	int calls() {
		return this.calls.get();
	}

	void mode(Mode mode) {
		this.mode.set(mode);
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.calls.incrementAndGet();
		byte[] body = exchange.getRequestBody().readAllBytes();
		switch (this.mode.get()) {
			case DOWN -> exchange.close();
			case ERRORS -> answer(exchange, 200, "application/graphql-response+json",
					"{\"errors\":[{\"message\":\"Internal error\",\"extensions\":{\"code\":\"INTERNAL\"}}],\"data\":null}"
						.getBytes());
			case STALL -> {
				sleep();
				forward(exchange, body);
			}
			case FORWARD -> forward(exchange, body);
		}
	}

	private void forward(HttpExchange exchange, byte[] body) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(RunningCatalog.url())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		for (String header : FORWARDED_HEADERS) {
			String value = exchange.getRequestHeaders().getFirst(header);
			if (value != null) {
				request.header(header, value);
			}
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			answer(exchange, response.statusCode(),
					response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.close();
		}
		catch (IOException ex) {
			// the inventory gave up (its read timeout) while the link was stalling
			exchange.close();
		}
	}

	private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private static void sleep() {
		try {
			Thread.sleep(STALL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
