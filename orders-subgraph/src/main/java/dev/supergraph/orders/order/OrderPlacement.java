package dev.supergraph.orders.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.supergraph.orders.pricing.CatalogPrices;
import dev.supergraph.orders.pricing.CatalogQuote;
import dev.supergraph.orders.registration.UserRegistrations;
import dev.supergraph.starter.errors.UserError;
import dev.supergraph.starter.money.Money;
import graphql.GraphQLContext;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders: validated input, a buyer the users subgraph knows, prices and stock from
 * the catalog at placement time (one call for all lines), the order and its items in one
 * transaction, and idempotency by the unique (buyer, key) constraint, so replays, also
 * concurrent ones, return the first order.
 */
@Service
class OrderPlacement {

	private static final String IDEMPOTENCY_CONSTRAINT = "orders_idempotency_unique";

	private final OrderRows orders;

	private final CatalogPrices catalog;

	private final UserRegistrations registrations;

	private final PlacementChecks checks;

	private final TransactionTemplate transactions;

	OrderPlacement(OrderRows orders, CatalogPrices catalog, UserRegistrations registrations, PlacementChecks checks,
			TransactionTemplate transactions) {
		this.orders = orders;
		this.catalog = catalog;
		this.registrations = registrations;
		this.checks = checks;
		this.transactions = transactions;
	}

	OrderPayload place(long buyerId, PlaceOrderInput input, GraphQLContext context, Locale locale) {
		List<UserError> invalid = this.checks.validate(input, locale);
		if (!invalid.isEmpty()) {
			return OrderPayload.failed(invalid);
		}
		PlacementRequest request = PlacementRequest.of(input);
		// a replay is answered without the catalog: it works while the catalog is down
		Optional<Order> first = this.orders.findOneByBuyerIdAndIdempotencyKey(buyerId, request.idempotencyKey());
		if (first.isPresent()) {
			return replay(first.get(), request, locale);
		}
		// an order's buyer must resolve in the graph (Order.buyer: User!)
		if (!this.registrations.isRegistered(buyerId)) {
			return OrderPayload.failed(this.checks.unregistered(locale));
		}
		Map<Long, CatalogQuote> quotes = this.catalog.currentQuotes(request.productIds(), context);
		List<UserError> refused = this.checks.checkQuotes(request, quotes, locale);
		if (!refused.isEmpty()) {
			return OrderPayload.failed(refused);
		}
		return insert(buyerId, request, quotes, locale);
	}

	/**
	 * Writes the order, or, when a concurrent request with the same key won the race to
	 * the unique constraint, answers with the winner's order.
	 */
	private OrderPayload insert(long buyerId, PlacementRequest request, Map<Long, CatalogQuote> quotes, Locale locale) {
		try {
			return OrderPayload.of(this.transactions.execute((status) -> write(buyerId, request, quotes)));
		}
		catch (DataIntegrityViolationException ex) {
			if (!String.valueOf(ex.getMostSpecificCause().getMessage()).contains(IDEMPOTENCY_CONSTRAINT)) {
				throw ex;
			}
			Order winner = this.orders.findOneByBuyerIdAndIdempotencyKey(buyerId, request.idempotencyKey())
				.orElseThrow(() -> ex);
			return replay(winner, request, locale);
		}
	}

	private OrderPayload replay(Order first, PlacementRequest request, Locale locale) {
		if (first.getItemsDigest().equals(request.itemsDigest())) {
			return OrderPayload.of(first);
		}
		return OrderPayload.failed(this.checks.keyReused(request, locale));
	}

	private Order write(long buyerId, PlacementRequest request, Map<Long, CatalogQuote> quotes) {
		Money total = PlacementChecks.total(request, quotes);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Order order = this.orders.insert(new Order(buyerId, request, total, now));
		List<OrderItem> lines = new ArrayList<>();
		for (int lineNo = 0; lineNo < request.lines().size(); lineNo++) {
			PlacementRequest.Line line = request.lines().get(lineNo);
			lines.add(new OrderItem(order.getId(), lineNo, line.productId(), line.quantity(),
					quotes.get(line.productId()).price()));
		}
		this.orders.insertItems(lines);
		return order;
	}

}
