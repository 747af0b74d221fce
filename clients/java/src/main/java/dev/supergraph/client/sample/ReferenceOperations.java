package dev.supergraph.client.sample;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import dev.supergraph.client.ErrorCode;
import dev.supergraph.client.Result;
import dev.supergraph.client.SupergraphClient;
import dev.supergraph.client.SupergraphClient.Credentials;
import dev.supergraph.client.model.CancelOrderInput;
import dev.supergraph.client.model.Order;
import dev.supergraph.client.model.OrderEdge;
import dev.supergraph.client.model.OrderItemInput;
import dev.supergraph.client.model.PlaceOrderInput;
import dev.supergraph.client.model.Product;
import dev.supergraph.client.model.ProductEdge;
import dev.supergraph.client.model.RegisterUserInput;
import dev.supergraph.client.model.User;
import dev.supergraph.client.operations.CancelOrder;
import dev.supergraph.client.operations.CategoryProducts;
import dev.supergraph.client.operations.MyOrders;
import dev.supergraph.client.operations.OrderDetail;
import dev.supergraph.client.operations.PlaceOrder;
import dev.supergraph.client.operations.ProductBySku;
import dev.supergraph.client.operations.ProductPage;
import dev.supergraph.client.operations.ProductShipping;
import dev.supergraph.client.operations.RegisterUser;
import dev.supergraph.client.operations.UserOrders;
import org.jspecify.annotations.Nullable;

/**
 * A sample client application: a shop front and its back office calling every trusted
 * operation through the router with the generated Java client, as a client team would.
 * {@code main} takes the router's endpoint and a registered user's token (and optionally
 * a token of a subject without an account, for {@code RegisterUser}); it prints each step
 * and exits 1 when one fails.
 */
public final class ReferenceOperations {

	private final SupergraphClient client;

	private final @Nullable SupergraphClient newcomer;

	private final List<Step> steps = new ArrayList<>();

	public ReferenceOperations(URI router, String token, @Nullable String newSubjectToken) {
		this.client = SupergraphClient.create(router, Credentials.bearer(() -> token), "sample-java");
		this.newcomer = (newSubjectToken != null)
				? SupergraphClient.create(router, Credentials.bearer(() -> newSubjectToken), "sample-java") : null;
	}

	public static void main(String[] args) {
		List<Step> steps = new ReferenceOperations(URI.create(args[0]), args[1], (args.length > 2) ? args[2] : null)
			.run();
		steps.forEach(System.out::println);
		System.exit(steps.stream().allMatch(Step::ok) ? 0 : 1);
	}

	/**
	 * Runs every trusted operation once, each checked against what the previous ones did.
	 * @return the steps, in order
	 */
	public List<Step> run() {
		var page = value("ProductPage",
				this.client.execute(ProductPage.OPERATION, new ProductPage.Variables(3, null, null)));
		List<Product> products = (page == null) ? List.of()
				: page.edges().stream().filter(Objects::nonNull).map(ProductEdge::node).toList();
		check("ProductPage", !products.isEmpty() && !products.get(0).price().amount().isEmpty(),
				"products with prices");

		if (!products.isEmpty()) {
			Product first = products.get(0);
			Product bySku = value("ProductBySku",
					this.client.execute(ProductBySku.OPERATION, new ProductBySku.Variables(first.sku())));
			check("ProductBySku", bySku != null && first.id().equals(bySku.id()), "SKU " + first.sku());
			Product shipping = value("ProductShipping",
					this.client.execute(ProductShipping.OPERATION, new ProductShipping.Variables(first.id())));
			check("ProductShipping", shipping != null && shipping.shippingEstimate().amount().matches("\\d+\\.\\d{2}"),
					"a shipping estimate");
		}

		var categories = value("CategoryProducts",
				this.client.execute(CategoryProducts.OPERATION, new CategoryProducts.Variables(2, null)));
		check("CategoryProducts", categories != null && !categories.isEmpty(), "categories with products");

		List<OrderItemInput> items = products.stream()
			.limit(2)
			.map((product) -> new OrderItemInput(product.id(), 1))
			.toList();
		PlaceOrder.Variables placeOrder = new PlaceOrder.Variables(
				new PlaceOrderInput(UUID.randomUUID().toString(), items));
		// idempotent by its key: a SERVICE_UNAVAILABLE is retried with the same key,
		// twice at most
		var placed = value("PlaceOrder", retried(() -> this.client.execute(PlaceOrder.OPERATION, placeOrder)));
		Order order = (placed != null) ? placed.order() : null;
		check("PlaceOrder", order != null && "PLACED".equals(order.status().name()) && placed.userErrors().isEmpty(),
				"a placed order");
		if (order != null) {
			Order detail = value("OrderDetail",
					this.client.execute(OrderDetail.OPERATION, new OrderDetail.Variables(order.id())));
			check("OrderDetail", detail != null && detail.items().size() == items.size(), "order " + order.id());
			User me = value("MyOrders", this.client.execute(MyOrders.OPERATION, new MyOrders.Variables(100, null)));
			check("MyOrders", me != null && lists(me, order), "my orders list it");
			if (me != null) {
				User user = value("UserOrders",
						this.client.execute(UserOrders.OPERATION, new UserOrders.Variables(me.id(), 100, null)));
				check("UserOrders", user != null && lists(user, order), "listed for the user");
			}
			var cancelled = value("CancelOrder", this.client.execute(CancelOrder.OPERATION,
					new CancelOrder.Variables(new CancelOrderInput(order.id()))));
			check("CancelOrder", cancelled != null && cancelled.order() != null
					&& "CANCELLED".equals(cancelled.order().status().name()), "the order is cancelled");
		}

		if (this.newcomer != null) {
			String email = "sample-" + UUID.randomUUID() + "@example.com";
			RegisterUser.Variables register = new RegisterUser.Variables(new RegisterUserInput(email, "Sample"));
			var registered = value("RegisterUser", this.newcomer.execute(RegisterUser.OPERATION, register));
			check("RegisterUser", registered != null && registered.user() != null, "the new account");
			var again = value("RegisterUser", this.newcomer.execute(RegisterUser.OPERATION, register));
			check("RegisterUser", again != null && !again.userErrors().isEmpty(),
					"a second registration answers user errors");
		}
		return List.copyOf(this.steps);
	}

	private static boolean lists(User user, Order order) {
		return user.orders() != null && user.orders()
			.edges()
			.stream()
			.filter(Objects::nonNull)
			.map(OrderEdge::node)
			.anyMatch((node) -> node.id().equals(order.id()));
	}

	private static <R> Result<R> retried(Supplier<Result<R>> send) {
		Result<R> result = send.get();
		for (int attempt = 1; attempt < 3 && unavailable(result); attempt++) {
			try {
				Thread.sleep(1000L * attempt);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return result;
			}
			result = send.get();
		}
		return result;
	}

	private static boolean unavailable(Result<?> result) {
		return result.errors().stream().anyMatch((error) -> error.code() == ErrorCode.SERVICE_UNAVAILABLE);
	}

	private <R> @Nullable R value(String operation, Result<R> result) {
		if (!result.ok()) {
			this.steps.add(new Step(operation, false, "errors " + result.errors()));
			return null;
		}
		return result.value();
	}

	private void check(String operation, boolean ok, String checked) {
		this.steps.add(new Step(operation, ok, checked));
	}

	/**
	 * One step of the sample.
	 *
	 * @param operation the trusted operation it ran
	 * @param ok whether it answered as expected
	 * @param detail what was checked, or the errors
	 */
	public record Step(String operation, boolean ok, String detail) {
	}

}
