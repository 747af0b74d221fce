package dev.supergraph.starter.settings;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The text of a file that the router reads too (the flags file, the API key file), which
 * must be UTF-8. A file saved in another encoding is refused with the offset of its first
 * byte that is not UTF-8, as the router refuses it, rather than read with replacement
 * characters by one side and refused by the other.
 */
public final class Utf8Text {

	private Utf8Text() {
	}

	/**
	 * Decodes a file's bytes.
	 * @param bytes the file's content
	 * @return its text
	 * @throws IllegalArgumentException naming the first byte that is not UTF-8
	 */
	public static String decode(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			throw new IllegalArgumentException("not UTF-8 text: byte 0x"
					+ HexFormat.of().withUpperCase().toHexDigits(bytes[in.position()]) + " at offset " + in.position());
		}
		return out.flip().toString();
	}

}
