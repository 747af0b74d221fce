package dev.supergraph.starter.flags;

import dev.openfeature.sdk.OpenFeatureAPI;

/**
 * An OpenFeature API of the application context rather than the JVM-wide singleton, so
 * two contexts in one JVM (tests, a parent and a child context) never share or replace
 * each other's provider, and closing the context shuts its provider down.
 */
final class ContextOpenFeatureApi extends OpenFeatureAPI {

}
