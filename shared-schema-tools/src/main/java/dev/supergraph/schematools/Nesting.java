package dev.supergraph.schematools;

import org.jspecify.annotations.Nullable;

/**
 * How deep the braces, brackets and parentheses of a GraphQL document nest, found in one
 * pass before it is parsed. The parser's own depth bound acts too late: to tell a list
 * type from a non-null one it looks ahead to the closing bracket, in time that grows with
 * the square of the nesting (a list type 5,000 levels deep takes half a CPU minute, one
 * 200,000 deep did not finish in four). Strings and comments are skipped, as the parser
 * skips them.
 */
final class Nesting {

	/** Far beyond any real schema or operation (the router allows selections 10 deep). */
	static final int MAX = 100;

	private final String text;

	private int index;

	private int line = 1;

	private int lineStart;

	private Nesting(String text) {
		this.text = text;
	}

	/**
	 * Where a document nests too deeply.
	 * @param text the document
	 * @return the problem, such as
	 * {@code braces, brackets and parentheses nest more than 100
	 * deep at line 3 column 7 (...)}, or {@code null}
	 */
	static @Nullable String beyondMax(String text) {
		return new Nesting(text).scan();
	}

	private @Nullable String scan() {
		int depth = 0;
		while (this.index < this.text.length()) {
			char c = this.text.charAt(this.index);
			if (c == '#') {
				skipLine();
			}
			else if (c == '"') {
				skipString();
			}
			else {
				if ((c == '{' || c == '[' || c == '(') && ++depth > MAX) {
					return "braces, brackets and parentheses nest more than " + MAX + " deep at line " + this.line
							+ " column " + (this.index - this.lineStart + 1)
							+ " (selections, values or list types inside each other)";
				}
				if (c == '}' || c == ']' || c == ')') {
					depth = Math.max(0, depth - 1);
				}
				next();
			}
		}
		return null;
	}

	private void skipLine() {
		while (this.index < this.text.length() && this.text.charAt(this.index) != '\n'
				&& this.text.charAt(this.index) != '\r') {
			this.index++;
		}
	}

	private void skipString() {
		boolean block = this.text.startsWith("\"\"\"", this.index);
		this.index += block ? 3 : 1;
		while (this.index < this.text.length()) {
			if (this.text.charAt(this.index) == '\\') {
				// an escaped quote (or \""" in a block string) does not end the string
				this.index += (block && this.text.startsWith("\\\"\"\"", this.index)) ? 4 : 2;
			}
			else if (block ? this.text.startsWith("\"\"\"", this.index) : this.text.charAt(this.index) == '"') {
				this.index += block ? 3 : 1;
				return;
			}
			else if (!block && (this.text.charAt(this.index) == '\n' || this.text.charAt(this.index) == '\r')) {
				// an unterminated string: the parser says so
				return;
			}
			else {
				next();
			}
		}
	}

	/** Steps over one character, counting lines as the parser does (LF, CRLF, CR). */
	private void next() {
		char c = this.text.charAt(this.index++);
		boolean crBeforeLf = c == '\r' && this.index < this.text.length() && this.text.charAt(this.index) == '\n';
		if (c == '\n' || (c == '\r' && !crBeforeLf)) {
			this.line++;
			this.lineStart = this.index;
		}
	}

}
