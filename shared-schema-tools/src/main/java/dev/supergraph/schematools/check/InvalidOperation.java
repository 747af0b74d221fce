package dev.supergraph.schematools.check;

import java.util.List;

/**
 * A known operation that does not validate against the new API schema.
 *
 * @param operation its name
 * @param file where it is
 * @param errors the validation messages
 */
public record InvalidOperation(String operation, String file, List<String> errors) {

}
