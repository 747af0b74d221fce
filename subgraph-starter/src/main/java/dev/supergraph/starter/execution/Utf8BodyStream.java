package dev.supergraph.starter.execution;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body checked byte by byte as the JSON parser reads it, and to its end when
 * {@link #drain() drained}: whether it is UTF-8 (the well-formed sequences of Unicode's
 * table 3-7: no overlong form, no surrogate, nothing past U+10FFFF, no sequence cut off),
 * whether it starts with a byte order mark and whether it holds a NUL byte. Jackson
 * noticed bytes that are not UTF-8 only in what it decoded, and as malformed JSON; it
 * skipped a byte order mark, and took a body with NUL bytes near its start for UTF-16 or
 * UTF-32 and read it so. The router reads every body as UTF-8 and nothing else.
 */
final class Utf8BodyStream extends FilterInputStream {

	private static final int[] BYTE_ORDER_MARK = { 0xEF, 0xBB, 0xBF };

	private long position;

	private boolean byteOrderMark = true;

	private boolean nul;

	private boolean malformed;

	// continuation bytes the current sequence still needs, and the range the next one
	// must be in
	private int needed;

	private int lowest = 0x80;

	private int highest = 0xBF;

	Utf8BodyStream(InputStream body) {
		super(body);
	}

	@Override
	public int read() throws IOException {
		int next = super.read();
		if (next >= 0) {
			check(next);
		}
		return next;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int count = super.read(buffer, offset, length);
		for (int i = offset; i < offset + count; i++) {
			check(buffer[i] & 0xFF);
		}
		return count;
	}

	@Override
	public long skip(long count) throws IOException {
		// every byte is checked, so none is skipped unread
		byte[] skipped = new byte[(int) Math.min(count, 8192)];
		int read = read(skipped, 0, skipped.length);
		return Math.max(read, 0);
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	/**
	 * Reads what the parser left of the body, so that the checks cover all of it.
	 * @throws IOException if the body cannot be read
	 */
	void drain() throws IOException {
		byte[] buffer = new byte[8192];
		while (read(buffer, 0, buffer.length) >= 0) {
			// checked as read
		}
	}

	/**
	 * Whether the bytes read so far are UTF-8, the last sequence complete.
	 * @return whether the body read is UTF-8
	 */
	boolean isUtf8() {
		return !this.malformed && this.needed == 0;
	}

	/**
	 * Whether the body starts with the byte order mark, which JSON text must not.
	 * @return whether it does
	 */
	boolean startsWithByteOrderMark() {
		return this.byteOrderMark && this.position >= BYTE_ORDER_MARK.length;
	}

	/**
	 * Whether the body holds a NUL byte, which JSON text can hold only escaped.
	 * @return whether it does
	 */
	boolean containsNul() {
		return this.nul;
	}

	private void check(int value) {
		if (this.position < BYTE_ORDER_MARK.length) {
			this.byteOrderMark &= value == BYTE_ORDER_MARK[(int) this.position];
		}
		this.position++;
		this.nul |= value == 0;
		if (this.malformed) {
			return;
		}
		if (this.needed > 0) {
			this.malformed = value < this.lowest || value > this.highest;
			this.needed--;
			this.lowest = 0x80;
			this.highest = 0xBF;
		}
		else if (value >= 0x80) {
			start(value);
		}
	}

	// The first byte of a sequence of two to four bytes, and the range of its second.
	private void start(int value) {
		if (value >= 0xC2 && value <= 0xDF) {
			this.needed = 1;
		}
		else if (value >= 0xE0 && value <= 0xEF) {
			this.needed = 2;
			this.lowest = (value == 0xE0) ? 0xA0 : 0x80;
			this.highest = (value == 0xED) ? 0x9F : 0xBF;
		}
		else if (value >= 0xF0 && value <= 0xF4) {
			this.needed = 3;
			this.lowest = (value == 0xF0) ? 0x90 : 0x80;
			this.highest = (value == 0xF4) ? 0x8F : 0xBF;
		}
		else {
			// a continuation byte without a start, C0, C1 (overlong forms), F5 to FF
			this.malformed = true;
		}
	}

}
