package dev.supergraph.schematools.operations;

import java.nio.file.Path;

import graphql.language.Document;

/**
 * One trusted client document: the operations and fragments of one {@code .graphql} file.
 *
 * @param name the operation name(s) of the file, or the file name when they are anonymous
 * @param file where it was read from
 * @param document the parsed document
 */
public record Operation(String name, Path file, Document document) {

}
