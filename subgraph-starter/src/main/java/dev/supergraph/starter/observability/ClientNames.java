package dev.supergraph.starter.observability;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The name of the client application behind a request, as metrics label it: the API key's
 * client for a machine client, else the {@code graphql-client-name} header (or Apollo's
 * {@code apollographql-client-name}), else {@code unknown}. Only short plain names pass,
 * so a header cannot inject into logs or multiply label values with junk.
 */
public final class ClientNames {

	/** Request header naming the client application. */
	public static final String HEADER = "graphql-client-name";

	/** The same, as Apollo's clients and routers send it. */
	public static final String APOLLO_HEADER = "apollographql-client-name";

	/** Key of the client's name in the GraphQL context. */
	public static final String KEY = "clientName";

	/** The label of a request that names no client. */
	public static final String UNKNOWN = "unknown";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private ClientNames() {
	}

	/**
	 * The client of a request.
	 * @param apiKeyClient the client of the request's API key, if any
	 * @param header the {@code graphql-client-name} header, if any
	 * @param apolloHeader the {@code apollographql-client-name} header, if any
	 * @return a safe name, {@link #UNKNOWN} when none is given or usable
	 */
	public static String choose(@Nullable String apiKeyClient, @Nullable String header, @Nullable String apolloHeader) {
		for (String candidate : new String[] { apiKeyClient, header, apolloHeader }) {
			if (candidate != null && NAME.matcher(candidate).matches()) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
