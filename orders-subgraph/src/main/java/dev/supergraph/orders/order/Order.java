package dev.supergraph.orders.order;

import java.math.BigDecimal;
import java.time.Instant;

import dev.supergraph.starter.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An order. Its items are held apart and loaded in batches; the buyer is a users-subgraph
 * id. The version guards concurrent status changes.
 */
@Entity
@Table(name = "orders")
public class Order {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long buyerId;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	@Column(name = "total_amount")
	private BigDecimal totalAmount;

	@Column(name = "total_currency")
	private String totalCurrency;

	private Instant placedAt;

	private String idempotencyKey;

	private String itemsDigest;

	@Version
	private long version;

	protected Order() {
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
	 * An order as stored, read outside JPA ({@link OrderRows}): read-only, never to be
	 * saved.
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
