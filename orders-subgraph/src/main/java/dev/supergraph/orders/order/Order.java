package dev.supergraph.orders.order;

import java.math.BigDecimal;
import java.time.Instant;

import dev.supergraph.starter.money.Money;

/**
 * An order. Its items are held apart and loaded in batches; the buyer is a users-subgraph
 * id. The version guards concurrent status changes.
 */
public class Order {

	private Long id;

	private long buyerId;

	private OrderStatus status;

	private BigDecimal totalAmount;

	private String totalCurrency;

	private Instant placedAt;

	private String idempotencyKey;

	private String itemsDigest;

	private long version;

	private Order() {
	}

	Order(long buyerId, PlacementRequest request, Money total, Instant placedAt) {
		this.buyerId = buyerId;
		this.status = OrderStatus.PLACED;
		this.totalAmount = total.decimal();
		this.totalCurrency = total.currency();
		this.placedAt = placedAt;
		this.idempotencyKey = request.idempotencyKey();
		this.itemsDigest = request.itemsDigest();
	}

	/**
	 * An order as stored ({@link OrderRows}).
	 * @param id the id
	 * @param buyerId the buyer
	 * @param status the status
	 * @param total the total
	 * @param placedAt when it was placed
	 * @param idempotencyKey the buyer's key of the placement
	 * @param itemsDigest the digest of the normalised items
	 * @param version the row's version
	 * @return the order
	 */
	static Order read(long id, long buyerId, OrderStatus status, Money total, Instant placedAt, String idempotencyKey,
			String itemsDigest, long version) {
		Order order = new Order();
		order.id = id;
		order.buyerId = buyerId;
		order.status = status;
		order.totalAmount = total.decimal();
		order.totalCurrency = total.currency();
		order.placedAt = placedAt;
		order.idempotencyKey = idempotencyKey;
		order.itemsDigest = itemsDigest;
		order.version = version;
		return order;
	}

	/**
	 * This order, now stored with the id the database gave it.
	 * @param id the id
	 * @return this order
	 */
	Order stored(long id) {
		this.id = id;
		return this;
	}

	public Long getId() {
		return this.id;
	}

	public long getBuyerId() {
		return this.buyerId;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public Money getTotal() {
		return Money.of(this.totalAmount, this.totalCurrency);
	}

	public Instant getPlacedAt() {
		return this.placedAt;
	}

	String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	long getVersion() {
		return this.version;
	}

	String getItemsDigest() {
		return this.itemsDigest;
	}

	void cancel() {
		if (!this.status.isCancellable()) {
			throw new IllegalStateException("Cannot cancel an order in status " + this.status);
		}
		this.status = OrderStatus.CANCELLED;
	}

}
