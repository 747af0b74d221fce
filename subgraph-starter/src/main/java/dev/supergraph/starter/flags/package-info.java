/**
 * Feature flags through OpenFeature: the platform's flags file as a provider, re-read on
 * change, and the {@link dev.supergraph.starter.flags.FeatureFlags} bean resolvers ask.
 */
@NullMarked
package dev.supergraph.starter.flags;

import org.jspecify.annotations.NullMarked;
