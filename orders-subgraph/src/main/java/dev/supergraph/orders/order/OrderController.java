package dev.supergraph.orders.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.orders.shipping.Product;
import dev.supergraph.starter.ids.Ids;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The {@code order} query, {@code Order} entities and the fields of orders and their
 * items. Who may see an order is declared in {@link OrderAccessRules}.
 */
@Controller
class OrderController {

	private final OrderRows orders;

	OrderController(OrderRows orders, BatchLoaderRegistry loaders) {
		this.orders = orders;
		loaders.forTypePair(Long.class, OrderLines.class)
			.registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> linesOf(ids)));
	}

	@QueryMapping
	@Nullable Order order(@Argument String id) {
		return this.orders.findOneById(Ids.parse(id)).orElse(null);
	}

	/**
	 * Resolves N representations with one statement, in their order, with {@code null}
	 * for unknown or malformed ids.
	 * @param representations the {@code _entities} representations of {@code Order}
	 * @return one order or {@code null} per representation
	 */
	@EntityMapping
	List<@Nullable Order> order(List<Map<String, Object>> representations) {
		List<OptionalLong> ids = representations.stream()
			.map((representation) -> Ids.tryParse(representation.get("id")))
			.toList();
		Long[] known = ids.stream().filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toArray(Long[]::new);
		Map<Long, Order> found = (known.length == 0) ? Map.of()
				: this.orders.findByIdIn(known).stream().collect(Collectors.toMap(Order::getId, Function.identity()));
		return ids.stream().map((id) -> id.isPresent() ? found.get(id.getAsLong()) : null).toList();
	}

	@SchemaMapping
	User buyer(Order order) {
		return new User(String.valueOf(order.getBuyerId()));
	}

	@SchemaMapping
	CompletableFuture<List<OrderItem>> items(Order order, DataLoader<Long, OrderLines> orderLines) {
		return orderLines.load(order.getId()).thenApply(OrderLines::items);
	}

	@SchemaMapping
	Product product(OrderItem item) {
		return Product.reference(item.getProductId());
	}

	private Map<Long, OrderLines> linesOf(Collection<Long> orderIds) {
		Map<Long, List<OrderItem>> byOrder = new HashMap<>();
		for (OrderItem item : this.orders.findItemsOf(orderIds.toArray(Long[]::new))) {
			byOrder.computeIfAbsent(item.getOrderId(), (id) -> new ArrayList<>()).add(item);
		}
		Map<Long, OrderLines> result = new HashMap<>();
		orderIds.forEach((id) -> result.put(id, new OrderLines(byOrder.getOrDefault(id, List.of()))));
		return result;
	}

	/**
	 * The items of one order, in line order.
	 *
	 * @param items the items
	 */
	record OrderLines(List<OrderItem> items) {

	}

}
