package dev.supergraph.starter.errors;

import java.util.Locale;
import java.util.concurrent.CompletionException;

import dev.supergraph.starter.observability.RequestIds;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.graphql.data.federation.RepresentationException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.BindException;

/**
 * Turns every exception a resolver or an {@code @EntityMapping} method throws into a
 * GraphQL error with a documented code and a bundle message. It handles every exception,
 * so no raw exception message ever reaches a client; unexpected ones become
 * {@code INTERNAL} and are logged with their stack trace under the request id.
 */
class SubgraphExceptionResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(SubgraphExceptionResolver.class);

	private final ErrorMessages messages;

	SubgraphExceptionResolver(ErrorMessages messages) {
		this.messages = messages;
		setThreadLocalContextAware(true);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
		return toError(thrown, env);
	}

	GraphQLError toError(Throwable thrown, DataFetchingEnvironment env) {
		Throwable ex = (thrown instanceof CompletionException && thrown.getCause() != null) ? thrown.getCause()
				: thrown;
		Locale locale = (env.getLocale() != null) ? env.getLocale() : Locale.ENGLISH;
		String requestId = RequestIds.of(env.getGraphQlContext());
		if (ex instanceof SubgraphException known) {
			String message = this.messages.get(known.getCode(), known.getMessageKey(), known.getMessageArguments(),
					locale);
			return error(env, known.getCode(), message, requestId);
		}
		ErrorCode code = classify(ex);
		if (code == ErrorCode.INTERNAL) {
			logger.error("Unexpected failure of {} [requestId={}]", env.getExecutionStepInfo().getPath(), requestId,
					ex);
		}
		String key = switch (code) {
			case SERVICE_UNAVAILABLE -> "database.unavailable";
			case BAD_USER_INPUT ->
				(ex instanceof RepresentationException) ? "entity.representation" : code.messageKey();
			default -> code.messageKey();
		};
		return error(env, code, this.messages.get(code, key, new Object[0], locale), requestId);
	}

	private static ErrorCode classify(Throwable thrown) {
		Throwable ex = failureBehindRollback(thrown);
		if (ex instanceof ConstraintViolationException || ex instanceof BindException
				|| ex instanceof RepresentationException) {
			return ErrorCode.BAD_USER_INPUT;
		}
		if (ex instanceof AuthenticationCredentialsNotFoundException || ex instanceof AuthenticationException) {
			return ErrorCode.UNAUTHENTICATED;
		}
		if (ex instanceof AccessDeniedException) {
			return ErrorCode.FORBIDDEN;
		}
		// CannotCreateTransactionException: no connection to begin a transaction on
		if (ex instanceof DataAccessResourceFailureException || ex instanceof QueryTimeoutException
				|| ex instanceof TransientDataAccessException || ex instanceof CannotCreateTransactionException) {
			return ErrorCode.SERVICE_UNAVAILABLE;
		}
		return ErrorCode.INTERNAL;
	}

	/**
	 * The statement's failure when the rollback after it failed too: on the connection
	 * that failure had already broken (the database froze or went away), the rollback's
	 * own failure says nothing more.
	 */
	private static Throwable failureBehindRollback(Throwable ex) {
		if (ex instanceof TransactionSystemException failed) {
			Throwable statement = failed.getApplicationException();
			return (statement != null) ? statement : ex;
		}
		return ex;
	}

	static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message, String requestId) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorClassification.errorClassification(code.name()))
			.message(message)
			.extensions(ErrorExtensions.of(code, requestId))
			.build();
	}

}
