package dev.supergraph.catalog.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link on loopback to the real Redis that a test can cut and restore: while cut,
 * open connections are closed and new ones refused, as when Redis or the network between
 * a replica and Redis fails.
 */
final class RedisLink implements AutoCloseable {

	private final int redisPort;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	RedisLink(int redisPort) {
		this.redisPort = redisPort;
		this.server = listen(0);
		this.port = this.server.getLocalPort();
		accept(this.server);
	}

	int port() {
		return this.port;
	}

	void cut() {
		closeQuietly(this.server);
		this.sockets.forEach(RedisLink::closeQuietly);
		this.sockets.clear();
	}

	void restore() {
		this.server = listen(this.port);
		accept(this.server);
	}

	@Override
	public void close() {
		cut();
	}

	private static ServerSocket listen(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket listening) {
		daemon(() -> {
			while (!listening.isClosed()) {
				try {
					Socket client = listening.accept();
					Socket redis = new Socket(InetAddress.getLoopbackAddress(), this.redisPort);
					this.sockets.add(client);
					this.sockets.add(redis);
					daemon(() -> pump(client, redis));
					daemon(() -> pump(redis, client));
				}
				catch (IOException ex) {
					// closed by cut()
				}
			}
		});
	}

	private static void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// the other side or cut() closed the connection
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "redis-link");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
