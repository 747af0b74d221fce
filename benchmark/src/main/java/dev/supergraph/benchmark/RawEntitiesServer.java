package dev.supergraph.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The floor the catalog subgraph's {@code _entities} path is measured against: the same
 * rows read with plain JDBC and written as the same JSON with Jackson, behind the JDK's
 * HTTP server, with no GraphQL, no security and no framework. Never a product, only a
 * yardstick for the benchmark.
 * <p>
 * Usage: {@code java -jar benchmark-exec.jar <port> <jdbc url> [connections]}
 */
public final class RawEntitiesServer {

	private RawEntitiesServer() {
	}

	public static void main(String[] args) throws IOException, SQLException {
		int port = Integer.parseInt(args[0]);
		int connections = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
		for (int i = 0; i < connections; i++) {
			pool.add(DriverManager.getConnection(args[1]));
		}
		// Without it the JDK server's separate header and body writes wait out delayed
		// ACKs (~40 ms).
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
		ProductRows rows = new ProductRows();
		server.createContext("/graphql", (exchange) -> serve(exchange, pool, rows));
		server.createContext("/ready", (exchange) -> respond(exchange, 200, new byte[0]));
		server.setExecutor(Executors.newFixedThreadPool(connections));
		server.start();
	}

	private static void serve(HttpExchange exchange, BlockingQueue<Connection> pool, ProductRows rows)
			throws IOException {
		byte[] response;
		Connection connection = null;
		try (InputStream body = exchange.getRequestBody()) {
			connection = pool.take();
			response = rows.entitiesResponse(body, connection);
		}
		catch (SQLException | InterruptedException | RuntimeException ex) {
			respond(exchange, 500, new byte[0]);
			return;
		}
		finally {
			if (connection != null) {
				pool.add(connection);
			}
		}
		respond(exchange, 200, response);
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
