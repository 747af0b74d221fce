package dev.supergraph.starter.database;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.supergraph.starter.testsubgraph.TestPorts;

/**
 * A server that answers every PostgreSQL connection's startup as a real server does when
 * it cannot take the connection: a {@code FATAL} error with a SQL state, then it closes.
 * For the states a test cannot ask the shared PostgreSQL for (starting up, shutting down,
 * out of memory).
 */
final class RefusingPostgres implements AutoCloseable {

	/** The codes of a request for TLS, then GSS encryption, sent before the startup. */
	private static final int ENCRYPTION_REQUEST_CODE = 80877103;

	private final ServerSocket server;

	private final byte[] refusal;

	/**
	 * Listens on a free port of the tests' range.
	 * @param sqlState the state of the error
	 * @param message its message, as PostgreSQL words it
	 */
	RefusingPostgres(String sqlState, String message) {
		this.refusal = errorResponse(sqlState, message);
		try {
			this.server = new ServerSocket(TestPorts.free(), 10, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread serving = new Thread(this::serve, "refusing-postgres");
		serving.setDaemon(true);
		serving.start();
	}

	String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.server.getLocalPort() + "/postgres";
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket connection = this.server.accept()) {
				refuse(connection);
			}
			catch (IOException ex) {
				// closed, or the client gave up: the next one
			}
		}
	}

	private void refuse(Socket connection) throws IOException {
		DataInputStream in = new DataInputStream(connection.getInputStream());
		OutputStream out = connection.getOutputStream();
		while (true) {
			byte[] packet = new byte[in.readInt() - 4];
			in.readFully(packet);
			int code = ByteBuffer.wrap(packet).getInt();
			if (code < ENCRYPTION_REQUEST_CODE || code > ENCRYPTION_REQUEST_CODE + 1) {
				break;
			}
			out.write('N');
		}
		out.write(this.refusal);
		out.flush();
	}

	/** PostgreSQL's ErrorResponse message: severity, SQL state and message fields. */
	private static byte[] errorResponse(String sqlState, String message) {
		ByteArrayOutputStream fields = new ByteArrayOutputStream();
		field(fields, 'S', "FATAL");
		field(fields, 'V', "FATAL");
		field(fields, 'C', sqlState);
		field(fields, 'M', message);
		fields.write(0);
		return ByteBuffer.allocate(5 + fields.size())
			.put((byte) 'E')
			.putInt(4 + fields.size())
			.put(fields.toByteArray())
			.array();
	}

	private static void field(ByteArrayOutputStream fields, char type, String value) {
		fields.write(type);
		fields.writeBytes(value.getBytes(StandardCharsets.UTF_8));
		fields.write(0);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
