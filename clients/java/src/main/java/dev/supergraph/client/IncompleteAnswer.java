package dev.supergraph.client;

import java.io.IOException;

/**
 * An answer whose body broke off before its end: a
 * {@link ClientErrorReason#NO_GRAPHQL_RESPONSE} with the answer's status, unless the
 * client's own timeout broke it off, which the client tells by the time.
 */
final class IncompleteAnswer extends IOException {

	private final transient GraphQlAnswer answer;

	IncompleteAnswer(GraphQlAnswer answer, IOException cause) {
		super(answer.errors().get(0).message(), cause);
		this.answer = answer;
	}

	GraphQlAnswer answer() {
		return this.answer;
	}

}
