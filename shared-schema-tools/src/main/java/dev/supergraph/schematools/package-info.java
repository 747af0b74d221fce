/**
 * Schema governance for a federated GraphQL platform: breaking-change checks, operation
 * awareness, deprecation policy, lint and changelog.
 */
@NullMarked
package dev.supergraph.schematools;

import org.jspecify.annotations.NullMarked;
