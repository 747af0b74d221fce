package dev.supergraph.orders.order;

import java.math.BigDecimal;

import dev.supergraph.starter.money.Money;

/**
 * One line of an order with the unit price quoted by the catalog at placement time. The
 * order is held by id: items are loaded for many orders at once, never lazily.
 */
public class OrderItem {

	private Long id;

	private Long orderId;

	private int lineNo;

	private long productId;

	private int quantity;

	private BigDecimal unitPriceAmount;

	private String unitPriceCurrency;

	OrderItem(Long orderId, int lineNo, long productId, int quantity, Money unitPrice) {
		this.orderId = orderId;
		this.lineNo = lineNo;
		this.productId = productId;
		this.quantity = quantity;
		this.unitPriceAmount = unitPrice.decimal();
		this.unitPriceCurrency = unitPrice.currency();
	}

	/**
	 * An item as stored ({@link OrderRows}).
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

	int getLineNo() {
		return this.lineNo;
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
