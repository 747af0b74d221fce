package dev.supergraph.starter.validation;

import java.util.List;

/**
 * A rule an input value breaks.
 *
 * @param code the user error code, e.g. {@code INVALID_LENGTH}
 * @param field the path of the value, e.g. {@code ["input", "items", "0", "quantity"]}
 * @param owner the input type holding the field ({@code CreateProductInput})
 * @param name the field's name ({@code sku})
 * @param type the named type of the field's value ({@code String}, {@code ID})
 * @param list whether the rule is about the number of items of a list
 * @param constraint the field's constraint
 */
record Violation(String code, List<String> field, String owner, String name, String type, boolean list,
		Constraint constraint) {

}
