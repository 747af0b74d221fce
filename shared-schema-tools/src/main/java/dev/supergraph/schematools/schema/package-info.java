/**
 * Loading SDL files into graphql-java schemas.
 */
@NullMarked
package dev.supergraph.schematools.schema;

import org.jspecify.annotations.NullMarked;
