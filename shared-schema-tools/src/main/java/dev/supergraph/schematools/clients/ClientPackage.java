package dev.supergraph.schematools.clients;

/**
 * One generated client package, as declared in {@code clients/clients.json}.
 *
 * @param name the published package name
 * @param language its language
 * @param path its directory, relative to the declaration file
 * @param operations a glob, relative to the declaration file, of the operation files it
 * is generated from
 */
public record ClientPackage(String name, String language, String path, String operations) {

}
