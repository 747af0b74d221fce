package dev.supergraph.schematools.check;

import java.util.List;

/**
 * A deprecated element that known operations still use: the teams owning them must
 * migrate before the removal date.
 *
 * @param coordinate the element
 * @param reason its deprecation reason
 * @param removalDate its removal date, empty when the reason has none
 * @param operations the operations that use it
 */
public record DeprecatedUsage(String coordinate, String reason, String removalDate, List<String> operations) {

}
