/**
 * Rollback safety of a subgraph release: the record of the SQL statements a release
 * issues ({@link dev.supergraph.starter.test.release.RecordReleaseStatements}), and the
 * proof that the previous release still runs on the newest migrations
 * ({@link dev.supergraph.starter.test.release.ExpandContract}). See docs/migrations.md.
 */
@NullMarked
package dev.supergraph.starter.test.release;

import org.jspecify.annotations.NullMarked;
