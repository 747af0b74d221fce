package dev.supergraph.catalog.product;

import dev.supergraph.starter.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A product for sale, as {@link ProductRows} reads and stores it. The category is held by
 * id: it is resolved in batches, never by lazy loading.
 */
public class Product {

	private long id;

	private final String sku;

	private final String name;

	private final @Nullable String description;

	private Money price;

	private final long categoryId;

	private final int weightGrams;

	private final int stockQuantity;

	Product(String sku, String name, @Nullable String description, Money price, long categoryId, int weightGrams,
			int stockQuantity) {
		this.sku = sku;
		this.name = name;
		this.description = description;
		this.price = price;
		this.categoryId = categoryId;
		this.weightGrams = weightGrams;
		this.stockQuantity = stockQuantity;
	}

	/**
	 * A product as stored.
	 * @param id the id
	 * @param sku the SKU
	 * @param name the name
	 * @param description the description
	 * @param price the price
	 * @param categoryId the category's id
	 * @param weightGrams the weight
	 * @param stockQuantity the units in stock
	 * @return the product
	 */
	static Product read(long id, String sku, String name, @Nullable String description, Money price, long categoryId,
			int weightGrams, int stockQuantity) {
		return new Product(sku, name, description, price, categoryId, weightGrams, stockQuantity).stored(id);
	}

	/**
	 * This product, now stored with the id the database gave it.
	 * @param id the id
	 * @return this product
	 */
	Product stored(long id) {
		this.id = id;
		return this;
	}

	public Long getId() {
		return this.id;
	}

	public String getSku() {
		return this.sku;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public Money getPrice() {
		return this.price;
	}

	void changePrice(Money price) {
		this.price = price;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public int getWeightGrams() {
		return this.weightGrams;
	}

	int getStockQuantity() {
		return this.stockQuantity;
	}

	public boolean isInStock() {
		return this.stockQuantity > 0;
	}

}
