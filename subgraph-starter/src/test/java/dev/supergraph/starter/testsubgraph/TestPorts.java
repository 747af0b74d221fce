package dev.supergraph.starter.testsubgraph;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports for the servers a test starts itself on the loopback interface (a Redis it stops,
 * a proxy that freezes the database): from 4600 to 4699, apart from the suite's own
 * services (4000 to 4004, and 4010 upwards for more replicas).
 */
public final class TestPorts {

	private static final int FIRST = 4600;

	private static final int LAST = 4699;

	private TestPorts() {
	}

	/**
	 * The first port of the range that is free now.
	 * @return the port
	 */
	public static int free() {
		for (int candidate = FIRST; candidate <= LAST; candidate++) {
			try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				// taken: the next one
			}
		}
		throw new IllegalStateException("No free port from " + FIRST + " to " + LAST);
	}

}
