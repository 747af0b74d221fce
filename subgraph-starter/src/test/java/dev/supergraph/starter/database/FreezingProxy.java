package dev.supergraph.starter.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.supergraph.starter.testsubgraph.TestPorts;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on the loopback interface in front of a database that can stop forwarding
 * without closing anything, in both directions and on every connection, as a database
 * that is frozen (SIGSTOP) or cut off by the network looks to its clients: connections
 * stay open and nothing answers.
 */
final class FreezingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Object gate = new Object();

	private boolean frozen;

	private byte @Nullable [] freezeMarker;

	FreezingProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try {
			this.server = new ServerSocket(TestPorts.free(), 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("proxy-accept", this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Stop forwarding now. */
	void freeze() {
		synchronized (this.gate) {
			this.frozen = true;
		}
	}

	/**
	 * Freeze once a client has sent bytes holding a text, e.g. a statement's: the
	 * statement reaches the database, its answer never reaches the client.
	 * @param text the text
	 */
	void freezeAfterSending(String text) {
		synchronized (this.gate) {
			this.freezeMarker = text.getBytes(StandardCharsets.UTF_8);
		}
	}

	/** Forward again what was held and everything after it. */
	void resume() {
		synchronized (this.gate) {
			this.frozen = false;
			this.freezeMarker = null;
			this.gate.notifyAll();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket target = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				daemon("proxy-up", () -> pump(client, target, true));
				daemon("proxy-down", () -> pump(target, client, false));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void pump(Socket from, Socket to, boolean fromClient) {
		byte[] buffer = new byte[16384];
		try (from; to) {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				awaitOpen();
				if (fromClient) {
					freezeIfMarked(buffer, read);
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side closed: both are closed
		}
	}

	/** Freezes before the marked bytes are forwarded, so their answer is held. */
	private void freezeIfMarked(byte[] buffer, int length) {
		synchronized (this.gate) {
			if (this.freezeMarker != null && contains(buffer, length, this.freezeMarker)) {
				this.frozen = true;
			}
		}
	}

	private void awaitOpen() {
		synchronized (this.gate) {
			while (this.frozen) {
				try {
					this.gate.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private static boolean contains(byte[] buffer, int length, byte[] marker) {
		for (int start = 0; start + marker.length <= length; start++) {
			if (Arrays.equals(buffer, start, start + marker.length, marker, 0, marker.length)) {
				return true;
			}
		}
		return false;
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		resume();
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
