package dev.supergraph.users.user;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.starter.ids.Ids;
import dev.supergraph.starter.pagination.KeysetPages;
import dev.supergraph.starter.pagination.PageRequest;
import dev.supergraph.starter.security.Viewer;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * User queries and {@code User} entities. Who may see {@code User.email} is declared in
 * {@link UserAccessRules} and enforced by the starter, not here.
 */
@Controller
class UserController {

	private final UserRepository users;

	private final KeysetPages pages;

	UserController(UserRepository users, KeysetPages pages) {
		this.users = users;
		this.pages = pages;
	}

	/**
	 * The caller's own user; {@code @authenticated} in the schema keeps anonymous callers
	 * out. A subject that is not a user id (or not registered yet) has no user.
	 * @param viewer the caller
	 * @return the user, or {@code null} when not registered
	 */
	@QueryMapping
	@Nullable User me(Viewer viewer) {
		OptionalLong id = Ids.tryParse(viewer.requireUserId());
		return id.isPresent() ? this.users.findOneById(id.getAsLong()).orElse(null) : null;
	}

	@QueryMapping
	@Nullable User user(@Argument String id) {
		return this.users.findOneById(Ids.parse(id)).orElse(null);
	}

	@QueryMapping
	Window<User> users(@Argument @Nullable Integer first, @Argument @Nullable String after) {
		PageRequest page = this.pages.request(first, after);
		List<User> rows = this.users.findByIdGreaterThanOrderById(page.afterId(), Limit.of(page.fetchSize()));
		return this.pages.window(rows, page, User::getId);
	}

	/**
	 * Resolves N representations with one statement, in their order, with {@code null}
	 * for unknown or malformed ids.
	 * @param representations the {@code _entities} representations of {@code User}
	 * @return one user or {@code null} per representation
	 */
	@EntityMapping
	List<@Nullable User> user(List<Map<String, Object>> representations) {
		List<OptionalLong> ids = representations.stream()
			.map((representation) -> Ids.tryParse(String.valueOf(representation.get("id"))))
			.toList();
		List<Long> known = ids.stream().filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toList();
		Map<Long, User> byId = known.isEmpty() ? Map.of()
				: this.users.findByIdIn(known).stream().collect(Collectors.toMap(User::getId, Function.identity()));
		return ids.stream().map((id) -> id.isPresent() ? byId.get(id.getAsLong()) : null).toList();
	}

}
