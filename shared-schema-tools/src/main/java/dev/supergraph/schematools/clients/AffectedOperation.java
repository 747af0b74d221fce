package dev.supergraph.schematools.clients;

import java.util.List;

/**
 * A known operation a change reaches, and the client packages that contain it.
 *
 * @param operation the operation's name
 * @param file the operation file
 * @param clients the client packages generated from the file
 * @param reasons what reaches it: a breaking or dangerous change, an operation that no
 * longer validates, a deprecated element it uses
 */
public record AffectedOperation(String operation, String file, List<String> clients, List<String> reasons) {

}
