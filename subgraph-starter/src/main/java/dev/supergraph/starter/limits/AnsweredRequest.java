package dev.supergraph.starter.limits;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A request whose {@code Accept} names the one media type it is answered in, as the
 * starter chose it ({@link AcceptHeader}): Spring for GraphQL's handler takes the first
 * type of the header it supports as written, parameters and all, and answered
 * {@code application/json;q=0} in JSON, and {@code application/json;q=0.5,
 * application/graphql-response+json} in JSON too; a weight it could not parse was a 406.
 */
final class AnsweredRequest extends HttpServletRequestWrapper {

	private final String answer;

	AnsweredRequest(HttpServletRequest request, String answer) {
		super(request);
		this.answer = answer;
	}

	@Override
	public @Nullable String getHeader(String name) {
		return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? this.answer : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(this.answer))
				: super.getHeaders(name);
	}

}
