package dev.supergraph.client;

/**
 * Why a {@link ErrorCode#CLIENT_ERROR} of the client's own came about: its
 * {@link ClientError#reason()} is one of these names, the same in the TypeScript client
 * ({@code contract/client-responses.json}).
 */
public enum ClientErrorReason {

	/**
	 * An answer came back, but not a GraphQL response the operation can use: HTML from a
	 * proxy, JSON that is not a response, a failure status without errors, data without
	 * the operation's field.
	 */
	NO_GRAPHQL_RESPONSE,

	/**
	 * No complete answer within the client's timeout, one deadline for the whole call
	 * (the credentials' time included).
	 */
	TIMEOUT,

	/**
	 * No answer: connection refused, unknown host, connection broken, or an answer that
	 * is not HTTP or whose framing cannot be trusted (a {@code Transfer-Encoding} other
	 * than {@code chunked} alone, or with a {@code Content-Length}).
	 */
	UNREACHABLE,

	/**
	 * The {@link SupergraphClient.Credentials} threw or gave nothing within the timeout;
	 * nothing was sent.
	 */
	CREDENTIALS_UNAVAILABLE,

	/**
	 * The caller gave up: the calling thread was interrupted (its interrupt flag stays
	 * set). Whether the router ran the operation is unknown, unless nothing was sent.
	 */
	ABORTED

}
