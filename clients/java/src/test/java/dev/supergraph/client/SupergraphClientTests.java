package dev.supergraph.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.supergraph.client.SupergraphClient.Credentials;
import dev.supergraph.client.model.Money;
import dev.supergraph.client.model.OrderStatus;
import dev.supergraph.client.model.User;
import dev.supergraph.client.operations.UserOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The client against a real HTTP server on loopback that answers, refuses or stalls: what
 * comes back is always a {@link Result}, only a programmer error throws. The generated
 * client against the real supergraph is {@code JavaClientIT}.
 */
@Timeout(60) // a hang fails the test instead of the build
class SupergraphClientTests {

	private static final UserOrders.Variables USER_5 = new UserOrders.Variables("5", null, null);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final CountDownLatch released = new CountDownLatch(1);

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicReference<String> language = new AtomicReference<>();

	private HttpServer server;

	private URI endpoint;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		this.server.start();
		this.endpoint = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/graphql");
	}

	@AfterEach
	void stop() {
		this.released.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void aRouterThatNeverAnswersIsAClientErrorOnceTheTimeoutPasses() {
		answer((exchange) -> stall());

		Result<User> result = client(Duration.ofMillis(300)).execute(UserOrders.OPERATION, USER_5);

		assertThat(result.errors()).containsExactly(ClientError
			.ofClient("the router did not answer within 0.3 s (" + this.endpoint + ")", ClientErrorReason.TIMEOUT));
	}

	@Test
	void aRouterThatStallsInTheMiddleOfItsAnswerIsAClientErrorOnceTheTimeoutPasses() {
		answer(this::stallInTheMiddleOfTheAnswer);

		Result<User> result = client(Duration.ofMillis(300)).execute(UserOrders.OPERATION, USER_5);

		assertThat(result.errors()).extracting(ClientError::code, ClientError::reason)
			.containsExactly(tuple(ErrorCode.CLIENT_ERROR, "TIMEOUT"));
		assertThat(result.errors().get(0).message()).startsWith("the router did not answer within 0.3 s");
	}

	@Test
	void interruptingTheCallerEndsAnExchangeThatHasNoAnswerYetAtOnce() {
		answer((exchange) -> stall());

		Result<User> result = interruptedAfter(Duration.ofMillis(300));

		assertThat(result.errors()).containsExactly(ClientError
			.ofClient("the calling thread was interrupted: the request was abandoned", ClientErrorReason.ABORTED));
		assertThat(result.status()).isNull();
	}

	@Test
	void interruptingTheCallerEndsAnExchangeWhoseAnswerIsStillComingAtOnce() {
		answer(this::stallInTheMiddleOfTheAnswer);

		Result<User> result = interruptedAfter(Duration.ofMillis(300));

		assertThat(result.errors()).containsExactly(ClientError
			.ofClient("the calling thread was interrupted: the request was abandoned", ClientErrorReason.ABORTED));
	}

	@Test
	void aCallerThatIsAlreadyInterruptedSendsNothing() {
		answer((exchange) -> json(exchange, 200, "{\"data\":{\"user\":null}}"));

		Thread.currentThread().interrupt();
		Result<User> result = client(Duration.ofSeconds(5)).execute(UserOrders.OPERATION, USER_5);

		assertThat(Thread.interrupted()).as("the interrupt flag stays set").isTrue();
		assertThat(result.errors()).containsExactly(ClientError
			.ofClient("the calling thread was interrupted: nothing was sent", ClientErrorReason.ABORTED));
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void aRedirectToAnotherOriginIsNotFollowedTheTokenAndTheOperationStayHere() throws IOException {
		HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		AtomicInteger elsewhere = new AtomicInteger();
		other.createContext("/", (exchange) -> {
			elsewhere.incrementAndGet();
			json(exchange, 200, "{\"data\":{\"user\":null}}");
		});
		other.start();
		String location = "http://localhost:" + other.getAddress().getPort() + "/graphql";
		AtomicInteger status = new AtomicInteger();
		answer((exchange) -> {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(status.get(), -1);
		});
		SupergraphClient client = SupergraphClient.create(this.endpoint, Credentials.bearer(() -> "secret-token"),
				"tests");
		try {
			for (int redirect : new int[] { 301, 302, 303, 307, 308 }) {
				status.set(redirect);

				Result<User> result = client.execute(UserOrders.OPERATION, USER_5);

				assertThat(result.errors()).containsExactly(
						ClientError.ofClient("HTTP " + redirect + " redirect to " + location + ", not followed",
								ClientErrorReason.NO_GRAPHQL_RESPONSE));
			}
			assertThat(elsewhere).hasValue(0);
		}
		finally {
			other.stop(0);
		}
	}

	// what each status and body gives is the shared contract's
	// (ClientResponsesContractTests)
	@Test
	void aValueThatDoesNotFitTheResultTypeIsAClientErrorNotAnException() {
		answer((exchange) -> json(exchange, 200, "{\"data\":{\"user\":5}}"));

		Result<User> result = client(Duration.ofSeconds(5)).execute(UserOrders.OPERATION, USER_5);

		assertThat(result.value()).isNull();
		assertThat(result.errors()).extracting(ClientError::code, ClientError::reason)
			.containsExactly(tuple(ErrorCode.CLIENT_ERROR, "NO_GRAPHQL_RESPONSE"));
		assertThat(result.errors().get(0).message()).startsWith("user is not a dev.supergraph.client.model.User: ");
	}

	@Test
	void theRequestCarriesTheTrustedTextItsNameAndTheVariablesThatAreSet() {
		AtomicReference<String> sent = new AtomicReference<>();
		AtomicReference<String> accept = new AtomicReference<>();
		this.server.createContext("/graphql", (exchange) -> {
			sent.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			accept.set(exchange.getRequestHeaders().getFirst("Accept"));
			try (exchange) {
				json(exchange, 200, "{\"data\":{\"user\":null}}");
			}
		});

		client(Duration.ofSeconds(5)).execute(UserOrders.OPERATION, USER_5);

		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.readTree(sent.get())).isEqualTo(json.createObjectNode()
			.put("query", UserOrders.OPERATION.document())
			.put("operationName", "UserOrders")
			.set("variables", json.createObjectNode().put("userId", "5")));
		assertThat(accept).hasValue("application/graphql-response+json, application/json");
	}

	@Test
	void aWholeValueIsBoundToTheOperationsResultType() {
		answer((exchange) -> json(exchange, 200, """
				{"data":{"user":{"id":"5","name":"Ada","orders":{"edges":[{"cursor":"c1","node":{"id":"9",
				"status":"PAID","placedAt":"2026-01-02T03:04:05Z","total":{"amount":"12.50","currency":"EUR"},
				"items":[]}}],"pageInfo":{"hasNextPage":false,"endCursor":"c1"}}}}}"""));

		User user = client(Duration.ofSeconds(5)).execute(UserOrders.OPERATION, USER_5).orThrow();

		assertThat(user.name()).isEqualTo("Ada");
		assertThat(user.orders().edges()).singleElement().satisfies((edge) -> {
			assertThat(edge.node().status()).isEqualTo(OrderStatus.PAID);
			assertThat(edge.node().placedAt()).isEqualTo(OffsetDateTime.parse("2026-01-02T03:04:05Z"));
			assertThat(edge.node().total()).isEqualTo(new Money("12.50", "EUR"));
		});
	}

	@Test
	void anEnumValueAddedAfterTheClientWasGeneratedIsUnknownAndTheRestOfTheValueIsKept() {
		answer((exchange) -> json(exchange, 200, """
				{"data":{"user":{"id":"5","name":"Ada","orders":{"edges":[
				{"cursor":"c1","node":{"id":"9","status":"REFUNDED","items":[]}},
				{"cursor":"c2","node":{"id":"10","status":"PAID","items":[]}}],
				"pageInfo":{"hasNextPage":false,"endCursor":"c2"}}}}}"""));

		Result<User> result = client(Duration.ofSeconds(5)).execute(UserOrders.OPERATION, USER_5);

		assertThat(result.errors()).isEmpty();
		assertThat(result.orThrow().orders().edges())
			.extracting((edge) -> edge.node().id(), (edge) -> edge.node().status())
			.containsExactly(tuple("9", OrderStatus.UNKNOWN__), tuple("10", OrderStatus.PAID));
	}

	@Test
	void theDefaultTimeoutIsTenSecondsAndAnotherMustBePositiveAndAtMostWhatATimerWaits() {
		assertThat(ClientOptions.defaults()).isEqualTo(new ClientOptions(Duration.ofSeconds(10), null));
		assertThat(ClientOptions.MAX_TIMEOUT).isEqualTo(Duration.ofMillis(2147483647));
		assertThat(ClientOptions.defaults().withTimeout(ClientOptions.MAX_TIMEOUT).timeout())
			.isEqualTo(ClientOptions.MAX_TIMEOUT);
		for (Duration timeout : List.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ofMillis(2147483648L),
				Duration.ofDays(30))) {
			assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.defaults().withTimeout(timeout))
				.withMessage("timeout must be positive and at most 2147483647 ms (24.8 days), not " + timeout);
		}
	}

	@Test
	void aNullRootFieldIsOkWithoutAValueAndOrThrowSaysNothingWasFound() {
		answer((exchange) -> json(exchange, 200, "{\"data\":{\"user\":null}}"));

		Result<User> result = client(ClientOptions.defaults().timeout()).execute(UserOrders.OPERATION, USER_5);

		assertThat(result).isEqualTo(new Result<User>(null, List.of(), 200, null));
		assertThat(result.ok()).isTrue();
		assertThatIllegalStateException().isThrownBy(result::orThrow)
			.withMessage("The operation answered null: nothing found, no errors");
	}

	// as TypeScript's JSON.parse does; the contract holds a case nested deeper than
	// Jackson's default too, but not one this long
	@Test
	void anAnswerWithANameLongerThanJacksonsDefaultLimitIsRead() {
		String name = "a".repeat(StreamReadConstraints.DEFAULT_MAX_NAME_LEN + 1);
		answer((exchange) -> json(exchange, 200, "{\"data\":{\"user\":null},\"extensions\":{\"" + name + "\":1}}"));

		Result<User> result = client(Duration.ofSeconds(5)).execute(UserOrders.OPERATION, USER_5);

		assertThat(result).isEqualTo(new Result<User>(null, List.of(), 200, null));
	}

	// the contract's dates are fixed; this one is counted from the clock
	@Test
	void aRetryAfterDateInTheFutureIsTheSecondsUntilThen() {
		String inNinetySeconds = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));
		answer((exchange) -> {
			exchange.getResponseHeaders().set("Retry-After", inNinetySeconds);
			exchange.sendResponseHeaders(503, -1);
		});

		Result<User> result = client(Duration.ofSeconds(5)).execute(UserOrders.OPERATION, USER_5);

		assertThat(result.status()).isEqualTo(503);
		assertThat(result.retryAfterSeconds()).isBetween(85, 90);
	}

	@Test
	void theRoutersReasonAndTheLanguageOptionReachTheErrors() {
		answer((exchange) -> {
			this.language.set(exchange.getRequestHeaders().getFirst("Accept-Language"));
			json(exchange, 400, "{\"errors\":[{\"message\":\"Variable $userId ungültig\",\"extensions\":"
					+ "{\"code\":\"BAD_USER_INPUT\",\"reason\":\"INVALID_VARIABLES\",\"requestId\":\"r-1\"}}]}");
		});

		Result<User> result = SupergraphClient
			.create(this.endpoint, Credentials.none(), "tests", ClientOptions.defaults().withLanguage("de"))
			.execute(UserOrders.OPERATION, USER_5);

		assertThat(this.language).hasValue("de");
		assertThat(result.errors()).containsExactly(new ClientError(ErrorCode.BAD_USER_INPUT,
				"Variable $userId ungültig", List.of(), "r-1", null, "INVALID_VARIABLES"));
	}

	@Test
	void aCredentialsSupplierThatFailsIsAClientErrorAndSendsNothing() {
		answer((exchange) -> json(exchange, 200, "{\"data\":{\"user\":null}}"));
		Credentials expired = Credentials.bearer(() -> {
			throw new IllegalStateException("session expired");
		});

		Result<User> result = SupergraphClient.create(this.endpoint, expired, "tests")
			.execute(UserOrders.OPERATION, USER_5);

		assertThat(result.errors()).containsExactly(ClientError.ofClient(
				"the credentials could not be obtained: java.lang.IllegalStateException: session expired",
				ClientErrorReason.CREDENTIALS_UNAVAILABLE));
		assertThat(this.requests).hasValue(0);
	}

	// The timeout bounds obtaining the credentials too, as in TypeScript: a supplier that
	// hung kept the caller for ever.
	@Test
	void aCredentialsSupplierThatHangsPastTheTimeoutIsAClientErrorAndSendsNothing() {
		answer((exchange) -> json(exchange, 200, "{\"data\":{\"user\":null}}"));
		Credentials hanging = Credentials.bearer(() -> {
			stall();
			return "token";
		});

		Result<User> result = SupergraphClient
			.create(this.endpoint, hanging, "tests", ClientOptions.defaults().withTimeout(Duration.ofMillis(300)))
			.execute(UserOrders.OPERATION, USER_5);

		assertThat(result.errors())
			.containsExactly(ClientError.ofClient("the credentials were not obtained within 0.3 s: nothing was sent",
					ClientErrorReason.CREDENTIALS_UNAVAILABLE));
		assertThat(Thread.interrupted()).as("the deadline does not interrupt the caller").isFalse();
		assertThat(this.requests).hasValue(0);
	}

	// One deadline for the whole call, as in TypeScript: the credentials' time is taken
	// from the exchange's, so a slow supplier and a slow router together took twice the
	// timeout.
	@Test
	void aSlowSupplierAndASlowRouterTogetherStayWithinOneTimeout() {
		answer((exchange) -> {
			pause(Duration.ofMillis(1400));
			json(exchange, 200, "{\"data\":{\"user\":null}}");
		});
		Credentials slow = Credentials.bearer(() -> {
			pause(Duration.ofMillis(1400));
			return "token";
		});

		long start = System.nanoTime();
		Result<User> result = SupergraphClient
			.create(this.endpoint, slow, "tests", ClientOptions.defaults().withTimeout(Duration.ofSeconds(2)))
			.execute(UserOrders.OPERATION, USER_5);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2600));
		assertThat(result.errors()).containsExactly(ClientError
			.ofClient("the router did not answer within 2 s (" + this.endpoint + ")", ClientErrorReason.TIMEOUT));
	}

	// The caller's interrupt is the caller's: a supplier that swallows interrupts must
	// not
	// make the call outlast the timeout, nor the client take the caller's interrupt back.
	@Test
	void interruptingTheCallerWhileTheSupplierRunsEndsTheCallAtOnceAndKeepsTheInterrupt() {
		answer((exchange) -> json(exchange, 200, "{\"data\":{\"user\":null}}"));
		Credentials deaf = Credentials.bearer(() -> {
			pauseIgnoringInterrupts(Duration.ofMillis(1500));
			return "token";
		});
		Thread caller = Thread.currentThread();
		this.executor.execute(() -> {
			pause(Duration.ofMillis(200));
			caller.interrupt();
		});

		long start = System.nanoTime();
		Result<User> result = SupergraphClient
			.create(this.endpoint, deaf, "tests", ClientOptions.defaults().withTimeout(Duration.ofSeconds(1)))
			.execute(UserOrders.OPERATION, USER_5);

		assertThat(Thread.interrupted()).as("the interrupt flag stays set").isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
		assertThat(result.errors()).containsExactly(ClientError
			.ofClient("the calling thread was interrupted: nothing was sent", ClientErrorReason.ABORTED));
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void aSupplierThatIgnoresInterruptsDoesNotKeepTheCallerPastTheTimeout() {
		answer((exchange) -> json(exchange, 200, "{\"data\":{\"user\":null}}"));
		Credentials deaf = Credentials.bearer(() -> {
			pauseIgnoringInterrupts(Duration.ofMillis(2000));
			return "token";
		});

		long start = System.nanoTime();
		Result<User> result = SupergraphClient
			.create(this.endpoint, deaf, "tests", ClientOptions.defaults().withTimeout(Duration.ofMillis(300)))
			.execute(UserOrders.OPERATION, USER_5);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		assertThat(result.errors())
			.containsExactly(ClientError.ofClient("the credentials were not obtained within 0.3 s: nothing was sent",
					ClientErrorReason.CREDENTIALS_UNAVAILABLE));
		assertThat(Thread.interrupted()).isFalse();
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void credentialsThatCannotBeAHeaderAreAClientErrorThatDoesNotRepeatThemAndSendNothing() {
		answer((exchange) -> json(exchange, 200, "{\"data\":{\"user\":null}}"));
		Map<Credentials, String> cases = new LinkedHashMap<>();
		cases.put(Credentials.bearer(() -> "secret-1\nsecret-2"),
				"the token is not one word of visible ASCII: character 9 is U+000A");
		cases.put(Credentials.bearer(() -> "secret\u2026"),
				"the token is not one word of visible ASCII: character 7 is U+2026");
		cases.put(Credentials.bearer(() -> "secret secret"),
				"the token is not one word of visible ASCII: character 7 is U+0020");
		cases.put(Credentials.bearer(() -> " \n"), "the token is empty");
		cases.put(Credentials.bearer(() -> null), "the token is null");
		cases.put(Credentials.apiKey("secret\r\nX-Injected: 1"),
				"the API key is not one word of visible ASCII: character 7 is U+000D");
		cases.put((headers) -> headers.set("X-Session", "secret\r\n"),
				"the value of header X-Session is not a valid HTTP header value: character 7 is U+000D");
		cases.forEach((credentials,
				message) -> assertThat(SupergraphClient.create(this.endpoint, credentials, "tests")
					.execute(UserOrders.OPERATION, USER_5)
					.errors())
					.containsExactly(ClientError.ofClient(message, ClientErrorReason.CREDENTIALS_UNAVAILABLE)));
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void whitespaceAroundATokenOrAnApiKeyIsNotSent() {
		AtomicReference<List<String>> sent = new AtomicReference<>();
		answer((exchange) -> {
			sent.set(List.of(exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("X-Api-Key")));
			json(exchange, 200, "{\"data\":{\"user\":null}}");
		});
		Credentials credentials = (headers) -> {
			Credentials.bearer(() -> "abc.def\n").apply(headers);
			Credentials.apiKey("\tkey-1 ").apply(headers);
		};

		assertThat(SupergraphClient.create(this.endpoint, credentials, "tests")
			.execute(UserOrders.OPERATION, USER_5)
			.errors()).isEmpty();
		assertThat(sent.get()).containsExactly("Bearer abc.def", "key-1");
	}

	@Test
	void aClientNameOrLanguageThatCannotBeAHeaderIsRefusedAtOnce() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SupergraphClient.create(this.endpoint, Credentials.none(), "shop\nweb"))
			.withMessage("clientName is not a valid HTTP header value: character 5 is U+000A");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SupergraphClient.create(this.endpoint, Credentials.none(), "shop",
					ClientOptions.defaults().withLanguage("d\u00e9")))
			.withMessage("language is not a valid HTTP header value: character 2 is U+00E9");
	}

	@Test
	void anAnswerLongerThanTheLimitIsAClientErrorAndTheRestIsNotRead() {
		AtomicInteger written = new AtomicInteger();
		answer((exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			out.write("{\"data\":{\"user\":null}}".getBytes(StandardCharsets.UTF_8));
			byte[] megabyte = new byte[1 << 20];
			Arrays.fill(megabyte, (byte) ' ');
			// at most 64 MiB, so a client that reads it all still ends
			while (written.get() < 64) {
				out.write(megabyte);
				written.incrementAndGet();
			}
			out.close();
		});

		Result<User> result = SupergraphClient
			.create(this.endpoint, Credentials.none(), "tests", ClientOptions.defaults().withMaxResponseBytes(2 << 20))
			.execute(UserOrders.OPERATION, USER_5);

		assertThat(result.errors()).containsExactly(ClientError
			.ofClient("HTTP 200 with an answer over " + (2 << 20) + " bytes", ClientErrorReason.NO_GRAPHQL_RESPONSE));
		assertThat(written.get()).as("MiB the client read").isLessThan(64);
	}

	@Test
	void anAnswerThatDeclaresALengthOverTheLimitIsAClientError() {
		answer((exchange) -> {
			exchange.sendResponseHeaders(200, ClientOptions.DEFAULT_MAX_RESPONSE_BYTES + 1L);
			exchange.getResponseBody().write("{\"data\":{\"user\":null}}".getBytes(StandardCharsets.UTF_8));
			exchange.getResponseBody().flush();
			stall();
		});

		Result<User> result = client(Duration.ofSeconds(5)).execute(UserOrders.OPERATION, USER_5);

		assertThat(result.errors()).containsExactly(ClientError.ofClient(
				"HTTP 200 with an answer over " + ClientOptions.DEFAULT_MAX_RESPONSE_BYTES + " bytes",
				ClientErrorReason.NO_GRAPHQL_RESPONSE));
	}

	@Test
	void theDefaultAnswerLimitIsSixteenMebibytesAndAnotherMustBePositive() {
		assertThat(ClientOptions.defaults().maxResponseBytes()).isEqualTo(16 * 1024 * 1024);
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.defaults().withMaxResponseBytes(0))
			.withMessage("maxResponseBytes must be positive and below Integer.MAX_VALUE, not 0");
	}

	@Test
	void aRefusedConnectionSaysSo() throws IOException {
		URI closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/graphql");
		}

		Result<User> result = SupergraphClient.create(closed, Credentials.none(), "tests")
			.execute(UserOrders.OPERATION, USER_5);

		assertThat(result.errors()).containsExactly(ClientError.ofClient(
				"could not connect to the router: connection refused (" + closed + ")", ClientErrorReason.UNREACHABLE));
	}

	@Test
	void anUnknownHostSaysSo() {
		URI unknown = URI.create("http://no-such-router.invalid/graphql");

		Result<User> result = SupergraphClient.create(unknown, Credentials.none(), "tests")
			.execute(UserOrders.OPERATION, USER_5);

		assertThat(result.errors()).containsExactly(ClientError
			.ofClient("unknown host no-such-router.invalid (" + unknown + ")", ClientErrorReason.UNREACHABLE));
	}

	@Test
	void nullArgumentsAreRefusedAtOnceByName() {
		assertThatNullPointerException().isThrownBy(() -> SupergraphClient.create(null, Credentials.none(), "x"))
			.withMessage("endpoint");
		assertThatNullPointerException().isThrownBy(() -> SupergraphClient.create(this.endpoint, null, "x"))
			.withMessage("credentials (Credentials.none() for none)");
		assertThatNullPointerException().isThrownBy(() -> Credentials.bearer(null)).withMessage("token");
		assertThatNullPointerException()
			.isThrownBy(() -> client(Duration.ofSeconds(1)).execute(UserOrders.OPERATION, null))
			.withMessage("variables of UserOrders: pass UserOrders.Variables, not null");
	}

	/**
	 * Runs UserOrders with a 10 s timeout and interrupts the caller after {@code delay}:
	 * the result must come well before the timeout, the interrupt flag still set.
	 */
	private Result<User> interruptedAfter(Duration delay) {
		Thread caller = Thread.currentThread();
		this.executor.execute(() -> {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			caller.interrupt();
		});
		long start = System.nanoTime();
		Result<User> result = client(Duration.ofSeconds(10)).execute(UserOrders.OPERATION, USER_5);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(Thread.interrupted()).as("the interrupt flag stays set").isTrue();
		return result;
	}

	private SupergraphClient client(Duration timeout) {
		return SupergraphClient.create(this.endpoint, Credentials.none(), "tests",
				ClientOptions.defaults().withTimeout(timeout));
	}

	private void answer(Handler handler) {
		this.server.createContext("/graphql", (exchange) -> {
			this.requests.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			try (exchange) {
				handler.handle(exchange);
			}
		});
	}

	private void stallInTheMiddleOfTheAnswer(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, 0);
		exchange.getResponseBody().write("{\"data\":".getBytes(StandardCharsets.UTF_8));
		exchange.getResponseBody().flush();
		stall();
	}

	private void stall() {
		try {
			this.released.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** As a supplier that swallows interrupts (a retry loop, a library) does. */
	private static void pauseIgnoringInterrupts(Duration duration) {
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			try {
				Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				// swallowed
			}
		}
	}

	private static void json(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@FunctionalInterface
	private interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

}
