package dev.supergraph.catalog.product;

import java.math.BigDecimal;

import dev.supergraph.starter.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A product for sale. The category is held by id: it is resolved in batches, never by
 * lazy loading.
 */
@Entity
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String sku;

	private String name;

	private @Nullable String description;

	@Column(name = "price_amount")
	private BigDecimal priceAmount;

	@Column(name = "price_currency")
	private String priceCurrency;

	private Long categoryId;

	private int weightGrams;

	private int stockQuantity;

	@Version
	private long version;

	protected Product() {
	}

	Product(String sku, String name, @Nullable String description, Money price, Long categoryId, int weightGrams,
			int stockQuantity) {
		this.sku = sku;
		this.name = name;
		this.description = description;
		this.priceAmount = price.decimal();
		this.priceCurrency = price.currency();
		this.categoryId = categoryId;
		this.weightGrams = weightGrams;
		this.stockQuantity = stockQuantity;
	}

	/**
	 * A product read by {@link ProductRows}, outside any persistence context.
	 */
	static Product read(long id, String sku, String name, @Nullable String description, Money price, long categoryId,
			int weightGrams, int stockQuantity) {
		Product product = new Product(sku, name, description, price, categoryId, weightGrams, stockQuantity);
		product.id = id;
		return product;
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
		return Money.of(this.priceAmount, this.priceCurrency);
	}

	void changePrice(Money price) {
		this.priceAmount = price.decimal();
		this.priceCurrency = price.currency();
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public int getWeightGrams() {
		return this.weightGrams;
	}

	public boolean isInStock() {
		return this.stockQuantity > 0;
	}

}
