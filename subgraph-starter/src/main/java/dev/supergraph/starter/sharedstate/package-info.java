/**
 * State that every replica of a subgraph must share (rate limit buckets, the replay
 * memory of router stamps): in Redis when one is configured, else in each process.
 */
@NullMarked
package dev.supergraph.starter.sharedstate;

import org.jspecify.annotations.NullMarked;
