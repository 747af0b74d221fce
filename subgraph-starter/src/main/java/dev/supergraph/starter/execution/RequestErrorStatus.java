package dev.supergraph.starter.execution;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.GraphQLError;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * Answers a request that ran nothing because the request is wrong (a syntax error, a
 * document that does not validate, variables that do not fit: every error
 * {@code BAD_USER_INPUT} with a reason, no {@code data}) with 400 whatever the media
 * type, as the router answers it. Spring's handler answered 400 only in
 * {@code application/graphql-response+json}, and 200 in JSON.
 */
final class RequestErrorStatus extends GraphQlHttpHandler {

	private static final Set<String> REQUEST_ERROR_CODES = Set.of("BAD_USER_INPUT", "QUERY_TOO_COMPLEX");

	RequestErrorStatus(WebGraphQlHandler graphQlHandler, HttpMessageConverter<?> converter) {
		super(graphQlHandler, converter);
	}

	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
		ExecutionResult result = response.getExecutionResult();
		if (!result.isDataPresent() && isRequestError(result.getErrors())) {
			return HttpStatus.BAD_REQUEST;
		}
		return super.selectResponseStatus(response, responseMediaType);
	}

	private static boolean isRequestError(List<GraphQLError> errors) {
		return !errors.isEmpty() && errors.stream().allMatch((error) -> {
			Map<String, Object> extensions = error.getExtensions();
			return extensions != null && REQUEST_ERROR_CODES.contains(extensions.get("code"))
					&& extensions.get("reason") != null;
		});
	}

}
