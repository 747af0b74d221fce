package dev.supergraph.starter.pagination;

/**
 * A validated request for one keyset page: at most {@code size} rows with an id greater
 * than {@code afterId}, in id order.
 *
 * @param size the number of rows of the page
 * @param afterId the id after which the page starts, {@code 0} for the first page
 * @param connection the list the page's cursors belong to ({@link CursorScope})
 */
public record PageRequest(int size, long afterId, String connection) {

	/**
	 * How many rows to fetch: one more than the page, to know whether a next page exists.
	 * @return the fetch size
	 */
	public int fetchSize() {
		return this.size + 1;
	}

}
