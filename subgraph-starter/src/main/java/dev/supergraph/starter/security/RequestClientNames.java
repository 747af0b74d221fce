package dev.supergraph.starter.security;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.supergraph.starter.observability.ClientNames;
import org.jspecify.annotations.Nullable;

/**
 * The client name of a request ({@link ClientNames#choose}), for its metrics, its feature
 * flags and its calls to other subgraphs: the name of a client of the API key file comes
 * from that client's key only, never from a header, so a caller without the key is not
 * counted or targeted as that client. The names follow the key file's reloads.
 */
public final class RequestClientNames {

	private final Supplier<Set<String>> keyClients;

	RequestClientNames(Supplier<Set<String>> keyClients) {
		this.keyClients = keyClients;
	}

	/**
	 * Without a key file: every plain name a header gives is the client's.
	 * @return the choice
	 */
	public static RequestClientNames withoutApiKeys() {
		return new RequestClientNames(Set::of);
	}

	/**
	 * The client name of a request.
	 * @param viewer the request's caller, a machine client's key verified
	 * @param headers the request's header of a name, or {@code null}
	 * @return the name, {@link ClientNames#UNKNOWN} when none is usable
	 */
	public String choose(Viewer viewer, Function<String, @Nullable String> headers) {
		return ClientNames.choose(viewer.apiKeyClient(), headers.apply(ClientNames.HEADER),
				headers.apply(ClientNames.APOLLO_HEADER), this.keyClients.get());
	}

}
