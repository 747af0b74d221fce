package dev.supergraph.starter.observability;

import graphql.GraphQLContext;

/**
 * Bounds the client names that become metric labels, as {@link OperationNames} bounds
 * operations: any caller can name itself in a header, so only the first {@code maxNames}
 * distinct names become labels and any other is {@code other}. The request keeps its
 * client's name ({@link ClientNames#KEY}) for feature flags, the audit log and calls to
 * other subgraphs; only the labels are bounded. The router bounds its own labels the same
 * way (or by its list of known clients) and sends the client's name on. The rules are
 * {@code contract/metric-labels.json}'s, which the router follows too.
 */
final class ClientLabels {

	private final FirstValues clients;

	ClientLabels(int maxNames) {
		this.clients = new FirstValues(maxNames);
	}

	/**
	 * The label of a request's client.
	 * @param context the request's GraphQL context
	 * @return the client's name, {@code unknown} or {@code other}
	 */
	String label(GraphQLContext context) {
		return label(context.getOrDefault(ClientNames.KEY, ClientNames.UNKNOWN));
	}

	/**
	 * The label of a client.
	 * @param client the client's name as {@link ClientNames#choose} gives it
	 * @return the name, {@code unknown} or {@code other}
	 */
	String label(String client) {
		if (ClientNames.UNKNOWN.equals(client)) {
			return client;
		}
		return this.clients.label(client, (name) -> true);
	}

}
