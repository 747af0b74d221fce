package dev.supergraph.orders.order;

import java.math.BigDecimal;

import dev.supergraph.starter.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of an order with the unit price quoted by the catalog at placement time. The
 * order is held by id: items are loaded for many orders at once, never lazily.
 */
@Entity
@Table(name = "order_item")
public class OrderItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long orderId;

	private int lineNo;

	private long productId;

	private int quantity;

	@Column(name = "unit_price_amount")
	private BigDecimal unitPriceAmount;

	@Column(name = "unit_price_currency")
	private String unitPriceCurrency;

	protected OrderItem() {
	}

	OrderItem(Long orderId, int lineNo, long productId, int quantity, Money unitPrice) {
		this.orderId = orderId;
		this.lineNo = lineNo;
		this.productId = productId;
		this.quantity = quantity;
		this.unitPriceAmount = unitPrice.decimal();
		this.unitPriceCurrency = unitPrice.currency();
	}

	/**
	 * An item as stored, read outside JPA ({@link OrderRows}): read-only, never to be
	 * saved.
	 * @param id the id
	 * @param orderId the order
	 * @param lineNo the line number within the order
	 * @param productId the product
	 * @param quantity the quantity
	 * @param unitPrice the unit price
	 * @return the item
	 */
	static OrderItem read(long id, long orderId, int lineNo, long productId, int quantity, Money unitPrice) {
		OrderItem item = new OrderItem(orderId, lineNo, productId, quantity, unitPrice);
		item.id = id;
		return item;
	}

	public Long getOrderId() {
		return this.orderId;
	}

	public long getProductId() {
		return this.productId;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public Money getUnitPrice() {
		return Money.of(this.unitPriceAmount, this.unitPriceCurrency);
	}

}
