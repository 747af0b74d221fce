package dev.supergraph.starter.inputs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checks of the input values of every subgraph.
 *
 * @param storableText whether string inputs that are not storable text (NUL, other C0
 * control characters than tab, line feed and carriage return, unpaired surrogates) are
 * refused with {@code BAD_USER_INPUT} before execution; on by default, turn it off only
 * where a subgraph checks its inputs itself
 */
@ConfigurationProperties(prefix = "subgraph.inputs", ignoreUnknownFields = false)
public record InputsProperties(@DefaultValue("true") boolean storableText) {

}
