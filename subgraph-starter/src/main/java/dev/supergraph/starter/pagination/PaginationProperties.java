package dev.supergraph.starter.pagination;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Page sizes of connection fields. The page served when a client omits {@code first} is
 * not a setting: each connection field declares it in the schema as its
 * {@code @listSize(assumedSize: …)}, which the cost estimates read as well.
 *
 * @param maxSize the largest {@code first} accepted
 */
@ConfigurationProperties(prefix = "subgraph.pagination", ignoreUnknownFields = false)
public record PaginationProperties(@DefaultValue("100") @Min(1) int maxSize) {

}
