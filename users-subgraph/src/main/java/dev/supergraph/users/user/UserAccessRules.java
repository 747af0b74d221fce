package dev.supergraph.users.user;

import dev.supergraph.starter.security.OwnershipRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may see what of a user, beyond what the schema's directives say. Enforced by the
 * starter for every path to a {@code User} ({@code me}, {@code user}, {@code users},
 * {@code _entities}), so no resolver checks it.
 */
@Configuration(proxyBeanMethods = false)
class UserAccessRules {

	/**
	 * An email address is personal data: only its owner sees it, or a client granted
	 * {@code users:read:email} (support tools, the mailer).
	 * @return the rule of {@code User.email}
	 */
	@Bean
	OwnershipRule userEmailIsVisibleToItsOwner() {
		return OwnershipRule.ofSource("User", "email", "users:read:email",
				(user) -> String.valueOf(((User) user).getId()));
	}

}
