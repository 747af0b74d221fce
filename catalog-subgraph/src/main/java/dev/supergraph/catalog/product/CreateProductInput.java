package dev.supergraph.catalog.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Input of {@code createProduct}.
 *
 * @param sku upper-case letters, digits and dashes, 3 to 32 characters
 * @param name the display name
 * @param description an optional description
 * @param price the unit price
 * @param categoryId an existing category
 * @param weightGrams the shipping weight
 * @param stockQuantity units in stock, 0 when omitted
 */
record CreateProductInput(
		@NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,31}", message = "{catalog.validation.sku}") String sku,
		@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 2000) String description,
		@NotNull @Valid MoneyInput price,
		@NotNull @Pattern(regexp = "[0-9]{1,18}", message = "{validation.id}") String categoryId,
		@NotNull @PositiveOrZero @Max(1_000_000) Integer weightGrams,
		@Nullable @PositiveOrZero @Max(1_000_000) Integer stockQuantity) {

	CreateProductInput {
		sku = (sku != null) ? sku.strip() : null;
		name = (name != null) ? name.strip() : null;
		description = (description != null) ? description.strip() : null;
	}

}
