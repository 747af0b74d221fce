package dev.supergraph.starter.pagination;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Page sizes of connection fields.
 *
 * @param defaultSize the page size when a client omits {@code first}
 * @param maxSize the largest {@code first} accepted
 */
@ConfigurationProperties("subgraph.pagination")
public record PaginationProperties(@DefaultValue("20") @Min(1) int defaultSize,
		@DefaultValue("100") @Min(1) int maxSize) {

	@AssertTrue(message = "default-size must not be larger than max-size")
	boolean isDefaultSizeWithinMaxSize() {
		return this.defaultSize <= this.maxSize;
	}

}
