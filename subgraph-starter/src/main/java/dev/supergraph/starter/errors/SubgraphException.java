package dev.supergraph.starter.errors;

/**
 * A failure with a documented {@link ErrorCode} and a message bundle key. Resolvers throw
 * it; the starter turns it into a GraphQL error once, with a localised message.
 */
public class SubgraphException extends RuntimeException {

	private final ErrorCode code;

	private final String messageKey;

	private final Object[] messageArguments;

	/**
	 * Create an exception whose client message comes from the given bundle key.
	 * @param code the documented code
	 * @param messageKey the key in {@code subgraph-errors.properties} or the subgraph's
	 * {@code errors.properties}
	 * @param messageArguments arguments of the message
	 */
	public SubgraphException(ErrorCode code, String messageKey, Object... messageArguments) {
		super(code + ": " + messageKey);
		this.code = code;
		this.messageKey = messageKey;
		this.messageArguments = messageArguments.clone();
	}

	/**
	 * Create an exception with the default message of its code.
	 * @param code the documented code
	 */
	public SubgraphException(ErrorCode code) {
		this(code, code.messageKey());
	}

	public static SubgraphException badInput(String messageKey, Object... arguments) {
		return new SubgraphException(ErrorCode.BAD_USER_INPUT, messageKey, arguments);
	}

	public static SubgraphException unauthenticated() {
		return new SubgraphException(ErrorCode.UNAUTHENTICATED);
	}

	public static SubgraphException forbidden() {
		return new SubgraphException(ErrorCode.FORBIDDEN);
	}

	public static SubgraphException unavailable(String messageKey, Object... arguments) {
		return new SubgraphException(ErrorCode.SERVICE_UNAVAILABLE, messageKey, arguments);
	}

	public ErrorCode getCode() {
		return this.code;
	}

	public String getMessageKey() {
		return this.messageKey;
	}

	public Object[] getMessageArguments() {
		return this.messageArguments.clone();
	}

}
