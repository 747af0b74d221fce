package dev.supergraph.orders.order;

import java.util.List;
import java.util.Locale;

import dev.supergraph.starter.validation.InputValidator;
import dev.supergraph.starter.errors.UserError;
import dev.supergraph.starter.errors.UserErrors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels an order of its buyer, only from {@code PLACED} or {@code PAID}. Another user's
 * order is reported exactly like a missing one ({@code ORDER_NOT_FOUND}), so order ids
 * cannot be probed. A concurrent change (the version moved between reading and writing)
 * is decided again on the fresh state: of two concurrent cancels one succeeds and the
 * other gets {@code ILLEGAL_TRANSITION}, never an internal error.
 */
@Service
class OrderCancellation {

	private final OrderRows orders;

	private final InputValidator validator;

	private final UserErrors errors;

	private final TransactionTemplate transactions;

	OrderCancellation(OrderRows orders, InputValidator validator, UserErrors errors, TransactionTemplate transactions) {
		this.orders = orders;
		this.validator = validator;
		this.errors = errors;
		this.transactions = transactions;
	}

	OrderPayload cancel(long buyerId, CancelOrderInput input, Locale locale) {
		List<UserError> invalid = this.validator.validate(input, locale);
		if (!invalid.isEmpty()) {
			return OrderPayload.failed(invalid);
		}
		long orderId = Long.parseLong(input.orderId());
		try {
			return attempt(buyerId, orderId, locale);
		}
		catch (OptimisticLockingFailureException ex) {
			return attempt(buyerId, orderId, locale);
		}
	}

	private OrderPayload attempt(long buyerId, long orderId, Locale locale) {
		return this.transactions.execute((status) -> this.orders.findOneByIdAndBuyerId(orderId, buyerId)
			.map((order) -> transition(order, locale))
			.orElseGet(() -> OrderPayload
				.failed(this.errors.of("ORDER_NOT_FOUND", "orders.orderNotFound", orderId, locale, "orderId"))));
	}

	private OrderPayload transition(Order order, Locale locale) {
		if (!order.getStatus().isCancellable()) {
			return OrderPayload.failed(this.errors.of("ILLEGAL_TRANSITION", "orders.illegalTransition",
					order.getStatus(), locale, "orderId"));
		}
		order.cancel();
		this.orders.updateStatus(order);
		return OrderPayload.of(order);
	}

}
