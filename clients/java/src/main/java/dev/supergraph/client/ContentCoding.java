package dev.supergraph.client;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.springframework.http.HttpHeaders;

/**
 * An answer's {@code Content-Encoding}, read as the TypeScript client's fetch reads it
 * ({@code contract/client-responses.json}): gzip ({@code x-gzip}) and deflate (with
 * zlib's wrapping or without), or a list of them, are decoded from the last; a compressed
 * body that ends early is decoded as far as it goes, as zlib reads it. Any other coding
 * is read as it came. The client asks for no other ({@link #ACCEPTED}); fetch decodes br
 * too, which the JDK cannot.
 *
 * @param name the coding as the message names it: in lower case, {@code gzip} for
 * {@code x-gzip}
 * @param codings the codings in the order they were applied
 */
record ContentCoding(String name, List<String> codings) {

	/** The request's {@code Accept-Encoding}. */
	static final String ACCEPTED = "gzip, deflate";

	private static final Set<String> DECODED = Set.of("gzip", "x-gzip", "deflate");

	static ContentCoding of(HttpHeaders headers) {
		String value = String.join(", ", headers.getOrEmpty(HttpHeaders.CONTENT_ENCODING))
			.strip()
			.toLowerCase(Locale.ROOT);
		List<String> codings = value.isEmpty() ? List.of() : List.of(value.split("[ \t]*,[ \t]*"));
		return new ContentCoding(value.equals("x-gzip") ? "gzip" : value, codings);
	}

	/** Whether a body in this coding is read: plain, or decoded. */
	boolean isRead() {
		return this.name.isEmpty() || this.name.equals("identity") || isDecoded();
	}

	private boolean isDecoded() {
		return !this.codings.isEmpty() && DECODED.containsAll(this.codings);
	}

	/**
	 * The body as it was before the codings this client decodes were applied.
	 * @throws ZipException when the body is not valid in its coding
	 */
	InputStream decode(InputStream body) throws IOException {
		if (!isDecoded()) {
			return body;
		}
		// below the decoders, so that their end of input is the body's end, not a
		// failure of the connection
		InputStream decoded = new TransportFailures(body);
		for (int i = this.codings.size() - 1; i >= 0; i--) {
			decoded = new UpToItsEnd(this.codings.get(i).equals("deflate") ? inflated(decoded) : gunzipped(decoded));
		}
		return decoded;
	}

	private static InputStream gunzipped(InputStream body) throws IOException {
		try {
			return new GZIPInputStream(body);
		}
		catch (EOFException ex) {
			// shorter than gzip's header: nothing decoded
			return InputStream.nullInputStream();
		}
	}

	// deflate with zlib's two-byte header as HTTP means it, or without, as servers send
	// it
	private static InputStream inflated(InputStream body) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(body);
		buffered.mark(2);
		int first = buffered.read();
		int second = buffered.read();
		buffered.reset();
		boolean zlib = (first & 0x0f) == 8 && second >= 0 && ((first << 8) | second) % 31 == 0;
		return new InflaterInputStream(buffered, new Inflater(!zlib));
	}

	/** A decoded stream that ends where its input does, as zlib's sync flush does. */
	private static final class UpToItsEnd extends FilterInputStream {

		UpToItsEnd(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				return super.read(buffer, offset, length);
			}
			catch (EOFException ex) {
				return -1;
			}
		}

	}

	/**
	 * A body whose failures to arrive are never taken for the end of the compressed data.
	 */
	private static final class TransportFailures extends FilterInputStream {

		TransportFailures(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (EOFException ex) {
				throw new IOException(ex);
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				return super.read(buffer, offset, length);
			}
			catch (EOFException ex) {
				throw new IOException(ex);
			}
		}

	}

}
