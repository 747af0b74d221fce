package dev.supergraph.users;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every access denial reaches the {@code audit} logger, one line per request, field path
 * and rule with the number of denials: a page of other users' emails is one line, not one
 * per user. The line names the caller but never carries the token.
 */
@SubgraphTest
class AuditLogTests {

	static final String EMAIL_RULE = "owner of User.email or scope users:read:email";

	static final String USERS_WITH_EMAIL = "query UsersWithEmail($first: Int) { users(first: $first) "
			+ "{ edges { node { id email } } } }";

	@LocalServerPort
	int port;

	final Logger auditLogger = (Logger) LoggerFactory.getLogger("audit");

	final ListAppender<ILoggingEvent> audit = new ListAppender<>();

	@BeforeEach
	void captureAudit() {
		this.audit.start();
		this.auditLogger.addAppender(this.audit);
	}

	@AfterEach
	void releaseAudit() {
		this.auditLogger.detachAppender(this.audit);
	}

	@Test
	void deniedEmailsOfAPageAreOneLineWithTheirCount() {
		String token = TestTokens.forUser("2");
		Response response = post(USERS_WITH_EMAIL, Map.of("first", 10), token, "audit-request-0001");
		assertThat(response.json().path("errors")).hasSize(9);
		assertThat(lines()).containsExactly("access denied subject=2 client=audit-tests operation=UsersWithEmail "
				+ "path=/users/edges[*]/node/email rule=" + EMAIL_RULE + " count=9 requestId=audit-request-0001");
		assertThat(String.join("\n", lines())).doesNotContain(token, token.split("\\.")[1], token.split("\\.")[2]);
	}

	@Test
	void eachPathAndRuleOfARequestIsItsOwnLine() {
		String document = "query Two { a: users(first: 3) { edges { node { email } } } b: user(id: \"5\") { email } }";
		post(document, Map.of(), TestTokens.forUser("2"), "audit-request-0002");
		assertThat(lines()).containsExactly(
				"access denied subject=2 client=audit-tests operation=Two path=/a/edges[*]/node/email rule="
						+ EMAIL_RULE + " count=2 requestId=audit-request-0002",
				"access denied subject=2 client=audit-tests operation=Two path=/b/email rule=" + EMAIL_RULE
						+ " count=1 requestId=audit-request-0002");
	}

	@Test
	void anonymousDenialsNameTheDirectiveRule() {
		post("{ user(id: \"5\") { name email } }", Map.of(), null, "audit-request-0003");
		assertThat(lines()).containsExactly("access denied subject=anonymous client=audit-tests operation=- "
				+ "path=/user/email rule=@authenticated count=1 requestId=audit-request-0003");
	}

	@Test
	void aFetchOfTheRouterIsNamedAfterTheClientOperationItServes() {
		post("{ user(id: \"5\") { email } }", Map.of(), TestTokens.forUser("2"), "audit-request-0005",
				"graphql-operation-name", "OtherEmail");
		assertThat(lines()).containsExactly("access denied subject=2 client=audit-tests operation=OtherEmail "
				+ "path=/user/email rule=" + EMAIL_RULE + " count=1 requestId=audit-request-0005");
	}

	@Test
	void allowedRequestsWriteNothing() {
		post(USERS_WITH_EMAIL, Map.of("first", 5), TestTokens.forUser("2", "users:read:email"), "audit-request-0004");
		assertThat(lines()).isEmpty();
	}

	private List<String> lines() {
		return this.audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	private Response post(String document, Map<String, ?> variables, @Nullable String token, String requestId,
			String... moreHeaders) {
		byte[] body = JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("query", document, "variables", variables))
			.getBytes(StandardCharsets.UTF_8);
		List<String> headers = new ArrayList<>(
				List.of("X-Request-Id", requestId, "apollographql-client-name", "audit-tests"));
		if (token != null) {
			headers.addAll(List.of("Authorization", "Bearer " + token));
		}
		headers.addAll(List.of(moreHeaders));
		return GraphQlHttpClient.forPort(this.port).postRaw("application/json", body, headers.toArray(String[]::new));
	}

}
