package dev.supergraph.starter.testsubgraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes sent to a server over a raw socket, as a broken or hostile client sends them
 * (requests that no HTTP client sends: any method, a malformed line), and its answer read
 * until it closes the connection.
 *
 * @param status the answer's status
 * @param headers its headers, by lower-case name
 * @param body its body, unchunked if it came in chunks
 */
public record RawExchange(int status, Map<String, String> headers, String body) {

	/**
	 * Send a request and read its answer.
	 * @param url where the server listens
	 * @param request the request's bytes, one byte per character
	 * @return the answer
	 */
	public static RawExchange send(URI url, String request) {
		return parse(sendRaw(url, request));
	}

	/**
	 * Send a request and read its answer as it came.
	 * @param url where the server listens
	 * @param request the request's bytes, one byte per character
	 * @return the answer's text
	 */
	public static String sendRaw(URI url, String request) {
		try (Socket socket = new Socket(url.getHost(), url.getPort())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static RawExchange parse(String answer) {
		int end = answer.indexOf("\r\n\r\n");
		String[] lines = answer.substring(0, end).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
		}
		String body = answer.substring(end + 4);
		boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
		return new RawExchange(Integer.parseInt(lines[0].split(" ")[1]), headers, chunked ? unchunked(body) : body);
	}

	private static String unchunked(String body) {
		StringBuilder text = new StringBuilder();
		int at = 0;
		for (int size; (size = Integer.parseInt(body.substring(at, body.indexOf("\r\n", at)), 16)) > 0;) {
			int start = body.indexOf("\r\n", at) + 2;
			text.append(body, start, start + size);
			at = start + size + 2;
		}
		return text.toString();
	}

}
