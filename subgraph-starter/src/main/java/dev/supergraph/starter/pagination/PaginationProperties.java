package dev.supergraph.starter.pagination;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Page sizes of connection fields.
 *
 * @param defaultSize the page size when a client omits {@code first}
 * @param maxSize the largest {@code first} accepted
 */
@ConfigurationProperties("subgraph.pagination")
public record PaginationProperties(@DefaultValue("20") int defaultSize, @DefaultValue("100") int maxSize) {

}
