package dev.supergraph.starter.observability;

import java.util.regex.Pattern;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * Bounds the operation names that become metric labels: a GraphQL name, and only the
 * first {@code maxNames} distinct ones; any other is {@code other}. In production only
 * the router's signed traffic reaches a subgraph, and the router accepts only trusted
 * operations, so the first names are the trusted ones; the bound keeps a misconfigured or
 * open subgraph from growing a series per random name. A request from the router is
 * labelled by the client's operation, which the router sends in {@link #HEADER}: its
 * subgraph fetches are anonymous. The rules are {@code contract/metric-labels.json}'s,
 * which the router follows too.
 */
public final class OperationNames {

	/** Request header in which the router names the client operation a fetch serves. */
	static final String HEADER = "graphql-operation-name";

	static final String ANONYMOUS = "anonymous";

	private static final String KEY = OperationNames.class.getName();

	private static final String ROUTED_KEY = KEY + ".routed";

	private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

	private static final String[] OPERATION_TYPES = { "query", "mutation", "subscription" };

	private final FirstValues names;

	OperationNames(int maxNames) {
		this.names = new FirstValues(maxNames);
	}

	/**
	 * Works out a request's label once, before it executes: the request metrics and the
	 * errors both need it.
	 * @param request the request
	 */
	void labelOnce(WebGraphQlRequest request) {
		String routed = request.getHeaders().getFirst(HEADER);
		String label = label(routed, request.getOperationName(), request.getDocument());
		boolean fromRouter = routed != null && !routed.isEmpty();
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(KEY, label);
			if (fromRouter) {
				input.getGraphQLContext().put(ROUTED_KEY, label);
			}
			return input;
		});
	}

	/**
	 * The client operation a request from the router serves, as labelled from the
	 * router's {@link #HEADER}: the router's fetches themselves are anonymous.
	 * @param context the request's GraphQL context
	 * @return the label, {@code null} for a request without the header
	 */
	public static @Nullable String routedOperation(GraphQLContext context) {
		return context.get(ROUTED_KEY);
	}

	/**
	 * The label of a request's operation: the one {@link #labelOnce} gave it, else worked
	 * out from the request now.
	 * @param input the request
	 * @return the name, {@code anonymous} or {@code other}
	 */
	String label(ExecutionInput input) {
		GraphQLContext context = input.getGraphQLContext();
		String label = context.get(KEY);
		if (label == null) {
			label = label(input.getOperationName(), input.getQuery());
			context.put(KEY, label);
		}
		return label;
	}

	/**
	 * The label of an operation, the router's name for it first.
	 * @param routed the {@link #HEADER} of the request, if any
	 * @param operationName the request's {@code operationName}, if any
	 * @param document the request's document
	 * @return the name, {@code anonymous} or {@code other}
	 */
	String label(@Nullable String routed, @Nullable String operationName, @Nullable String document) {
		return (routed != null && !routed.isEmpty()) ? label(routed) : label(operationName, document);
	}

	/**
	 * The label of an operation.
	 * @param operationName the request's {@code operationName}, if any
	 * @param document the request's document: without an {@code operationName}, its first
	 * operation is the one executed (a document of several needs the name)
	 * @return the name, {@code anonymous} or {@code other}
	 */
	String label(@Nullable String operationName, @Nullable String document) {
		String name = (operationName != null && !operationName.isEmpty()) ? operationName : firstOperation(document);
		return (name != null) ? label(name) : ANONYMOUS;
	}

	private String label(String operationName) {
		return this.names.label(operationName, (name) -> NAME.matcher(name).matches());
	}

	/**
	 * The name of a document's first operation, after any whitespace, commas and
	 * comments: a scan of the document's first characters, as it runs for every request
	 * that names no operation (a regular expression cost a matcher and its backtracking
	 * each time).
	 */
	private static @Nullable String firstOperation(@Nullable String document) {
		if (document == null) {
			return null;
		}
		int at = skipIgnored(document, 0);
		int afterType = afterOperationType(document, at);
		if (afterType < 0) {
			return null;
		}
		int name = afterType;
		while (name < document.length() && isWhitespace(document.charAt(name))) {
			name++;
		}
		if (name == afterType || name == document.length() || !isNameStart(document.charAt(name))) {
			return null;
		}
		int end = name + 1;
		while (end < document.length() && (isNameStart(document.charAt(end)) || isDigit(document.charAt(end)))) {
			end++;
		}
		return document.substring(name, end);
	}

	/**
	 * The index after whitespace, commas, byte order marks and comments from {@code at}.
	 */
	private static int skipIgnored(String document, int at) {
		while (at < document.length()) {
			char c = document.charAt(at);
			if (c == '#') {
				while (at < document.length() && document.charAt(at) != '\n' && document.charAt(at) != '\r') {
					at++;
				}
			}
			else if (c == ',' || c == '\uFEFF' || isWhitespace(c)) {
				at++;
			}
			else {
				return at;
			}
		}
		return at;
	}

	private static int afterOperationType(String document, int at) {
		for (String type : OPERATION_TYPES) {
			if (document.startsWith(type, at)) {
				return at + type.length();
			}
		}
		return -1;
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	private static boolean isNameStart(char c) {
		return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
