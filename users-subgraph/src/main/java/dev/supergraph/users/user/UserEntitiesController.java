package dev.supergraph.users.user;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.SubgraphException;
import dev.supergraph.starter.ids.Ids;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code User} entities, the references other subgraphs hold to users, including those
 * without a record.
 */
@Controller
class UserEntitiesController {

	private final UserRows users;

	private final ErrorMessages messages;

	UserEntitiesController(UserRows users, ErrorMessages messages) {
		this.users = users;
		this.messages = messages;
	}

	/**
	 * Resolves N representations with one statement, in their order. The starter passes
	 * only well-formed ones (numeric ids). A reference to a user without a record
	 * resolves to a {@link User#standIn stand-in}: the reference comes from another
	 * subgraph's data (an order's buyer), and {@code null} would null its holder through
	 * the non-null fields of {@code User}.
	 * @param representations the {@code _entities} representations of {@code User}
	 * @param locale the caller's locale, for the stand-in's name
	 * @return one user per representation
	 */
	@EntityMapping
	List<User> user(List<Map<String, Object>> representations, Locale locale) {
		List<Long> ids = representations.stream()
			.map((representation) -> Ids.tryParse(representation.get("id")).orElseThrow())
			.toList();
		Map<Long, User> byId = this.users.findByIdIn(ids.toArray(Long[]::new))
			.stream()
			.collect(Collectors.toMap(User::getId, Function.identity()));
		String unknown = this.messages.get(ErrorCode.NOT_FOUND, "users.unknownUser", new Object[0], locale);
		return ids.stream().map((id) -> byId.getOrDefault(id, User.standIn(id, unknown))).toList();
	}

	/**
	 * The email of a stand-in is {@code NOT_FOUND}: where a client sees the stand-in,
	 * this is how it learns that the user has no record.
	 * @param user the user
	 * @return the email address
	 */
	@SchemaMapping
	@Nullable String email(User user) {
		if (user.isStandIn()) {
			throw new SubgraphException(ErrorCode.NOT_FOUND, "users.notRegisteredUser", String.valueOf(user.getId()));
		}
		return user.getEmail();
	}

}
