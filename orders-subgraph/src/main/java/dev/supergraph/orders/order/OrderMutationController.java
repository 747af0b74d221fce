package dev.supergraph.orders.order;

import java.util.Locale;

import dev.supergraph.starter.errors.SubgraphException;
import dev.supergraph.starter.security.Viewer;
import graphql.GraphQLContext;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Order mutations. That the caller is authenticated is declared in the schema and
 * enforced by the starter; the buyer is always the caller.
 */
@Controller
class OrderMutationController {

	private final OrderPlacement placement;

	private final OrderCancellation cancellation;

	OrderMutationController(OrderPlacement placement, OrderCancellation cancellation) {
		this.placement = placement;
		this.cancellation = cancellation;
	}

	@MutationMapping
	OrderPayload placeOrder(@Argument PlaceOrderInput input, Viewer viewer, GraphQLContext context, Locale locale) {
		return this.placement.place(buyerId(viewer), input, context, locale);
	}

	@MutationMapping
	OrderPayload cancelOrder(@Argument CancelOrderInput input, Viewer viewer, Locale locale) {
		return this.cancellation.cancel(buyerId(viewer), input, locale);
	}

	/** Users are numbered; a caller whose subject is not a user id cannot own orders. */
	private static long buyerId(Viewer viewer) {
		return viewer.requireUserNumber().orElseThrow(SubgraphException::forbidden);
	}

}
