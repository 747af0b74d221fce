package dev.supergraph.starter.testsubgraph;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports for the servers a test starts itself on the loopback interface (a Redis it stops,
 * a proxy that freezes the database): from 4600 to 4699, apart from the suite's own
 * services (4000 to 4004, and 4010 upwards for more replicas), or the range in
 * {@code SUBGRAPH_TEST_PORTS} ({@code first-last}), so that test runs side by side on one
 * machine do not take each other's stopped servers' ports.
 */
public final class TestPorts {

	private static final String RANGE = rangeSetting();

	private static final int FIRST = Integer.parseInt(RANGE.substring(0, RANGE.indexOf('-')));

	private static final int LAST = Integer.parseInt(RANGE.substring(RANGE.indexOf('-') + 1));

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

	private static String rangeSetting() {
		String range = System.getenv("SUBGRAPH_TEST_PORTS");
		if (range == null || range.isBlank()) {
			return "4600-4699";
		}
		if (!range.matches("\\d{1,5}-\\d{1,5}")) {
			throw new IllegalStateException("SUBGRAPH_TEST_PORTS must be first-last, e.g. 4600-4699: " + range);
		}
		return range;
	}

}
