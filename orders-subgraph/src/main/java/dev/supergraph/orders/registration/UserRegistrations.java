package dev.supergraph.orders.registration;

import java.util.Map;

import dev.supergraph.starter.errors.SubgraphException;
import dev.supergraph.starter.security.RouterSignature;
import dev.supergraph.starter.security.SignedSubgraphClient;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClientException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Asks the users subgraph, which owns the users, whether a user id is registered: an
 * order's buyer must be a {@code User} the graph can resolve
 * ({@code Order.buyer: User!}). A users subgraph that is down, slow or answering with
 * errors is {@code SERVICE_UNAVAILABLE}: a placement never guesses.
 */
@Component
public class UserRegistrations {

	private static final String DOCUMENT = "query Registered($id: ID!) { user(id: $id) { id } }";

	private static final Logger logger = LoggerFactory.getLogger(UserRegistrations.class);

	private final SignedSubgraphClient users;

	UserRegistrations(UsersProperties properties, RouterSignature signature, ObservationRegistry observations) {
		this.users = SignedSubgraphClient.create(properties.url(), properties.timeout(), signature, observations);
	}

	/**
	 * Whether a user has registered.
	 * @param userId the user
	 * @return whether the users subgraph knows the user
	 * @throws SubgraphException with {@code SERVICE_UNAVAILABLE} when it cannot tell
	 */
	public boolean isRegistered(long userId) {
		try {
			ClientGraphQlResponse response = this.users.execute(DOCUMENT, Map.of("id", String.valueOf(userId)), null);
			if (!response.isValid() || !response.getErrors().isEmpty()) {
				throw new IllegalStateException("Users errors: " + response.getErrors());
			}
			return response.field("user").getValue() != null;
		}
		catch (GraphQlClientException | RestClientException | IllegalStateException ex) {
			logger.warn("Users call failed: {}", ex.toString());
			throw SubgraphException.unavailable("orders.usersUnavailable");
		}
	}

}
