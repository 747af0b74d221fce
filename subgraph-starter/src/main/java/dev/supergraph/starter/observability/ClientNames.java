package dev.supergraph.starter.observability;

import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The name of the client application behind a request, as metrics label it and feature
 * flags target it: the API key's client for a machine client, else the
 * {@code graphql-client-name} header (or Apollo's {@code apollographql-client-name}),
 * else {@code unknown}. Only short plain names pass, so a header cannot inject into logs
 * or multiply label values with junk; and a header naming a client of the API key file is
 * passed over, so that only that client's key gives its name. The rules are
 * {@code contract/metric-labels.json}'s, which the router follows too.
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
	 * @param apiKeyClient the client of the request's verified API key, if any
	 * @param header the {@code graphql-client-name} header, if any
	 * @param apolloHeader the {@code apollographql-client-name} header, if any
	 * @param keyClients the client names of the API key file (revoked keys' too), which
	 * no header gives
	 * @return a safe name, {@link #UNKNOWN} when none is given or usable
	 */
	public static String choose(@Nullable String apiKeyClient, @Nullable String header, @Nullable String apolloHeader,
			Set<String> keyClients) {
		if (isName(apiKeyClient)) {
			return apiKeyClient;
		}
		for (String candidate : new String[] { header, apolloHeader }) {
			if (isName(candidate) && !keyClients.contains(candidate)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

	private static boolean isName(@Nullable String candidate) {
		return candidate != null && NAME.matcher(candidate).matches();
	}

}
