package dev.supergraph.users.user;

import java.util.List;
import java.util.OptionalLong;

import dev.supergraph.starter.ids.Ids;
import dev.supergraph.starter.pagination.KeysetPages;
import dev.supergraph.starter.pagination.PageRequest;
import dev.supergraph.starter.security.Viewer;
import graphql.relay.Connection;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * User queries. Who may see {@code User.email} is declared in {@link UserAccessRules} and
 * enforced by the starter, not here.
 */
@Controller
class UserController {

	private final UserRows rows;

	private final KeysetPages pages;

	UserController(UserRows rows, KeysetPages pages) {
		this.rows = rows;
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
		OptionalLong id = viewer.requireUserNumber();
		return id.isPresent() ? this.rows.findOneById(id.getAsLong()).orElse(null) : null;
	}

	@QueryMapping
	@Nullable User user(@Argument String id) {
		return this.rows.findOneById(Ids.parse(id)).orElse(null);
	}

	@QueryMapping
	Connection<User> users(DataFetchingEnvironment environment) {
		PageRequest page = this.pages.request(environment);
		List<User> rows = this.rows.findPage(page.afterId(), page.fetchSize());
		return this.pages.connection(rows, page, User::getId);
	}

}
