/**
 * Users: profiles, registration and the {@code User} entity.
 */
@NullMarked
package dev.supergraph.users.user;

import org.jspecify.annotations.NullMarked;
