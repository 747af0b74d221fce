/**
 * The picocli command line: parses arguments, calls the library and prints.
 */
@NullMarked
package dev.supergraph.schematools.cli;

import org.jspecify.annotations.NullMarked;
