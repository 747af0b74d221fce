package dev.supergraph.starter.flags;

import java.util.Map;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import dev.supergraph.starter.observability.ClientNames;
import dev.supergraph.starter.security.RequestClientNames;
import dev.supergraph.starter.security.Viewer;
import graphql.GraphQLContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Asks whether a boolean feature flag is on for the caller of the current request,
 * through OpenFeature and whichever provider is configured (the flags file by default).
 * The evaluation context is the caller: targeting key = the user id (JWT {@code sub}),
 * attributes {@code scopes} (list) and {@code client} (the API key's client, else the
 * {@code graphql-client-name} header unless it names a client of the key file, else
 * {@code unknown}: {@link RequestClientNames}). Never throws: an unknown flag, a provider
 * that fails or is not ready all answer the coded default; failures other than an unknown
 * flag count in {@code subgraph.flags.evaluation.errors}.
 */
public final class FeatureFlags {

	/** Evaluation context attribute: the caller's scopes. */
	public static final String SCOPES = "scopes";

	/** Evaluation context attribute: the caller's client name. */
	public static final String CLIENT = "client";

	static final String EVALUATION_ERRORS = "subgraph.flags.evaluation.errors";

	private final Client client;

	private final MeterRegistry registry;

	private final RequestClientNames clientNames;

	FeatureFlags(OpenFeatureAPI api, MeterRegistry registry, RequestClientNames clientNames) {
		this.client = api.getClient();
		this.registry = registry;
		this.clientNames = clientNames;
	}

	/**
	 * Whether a flag is on for the caller of the request on this thread (a controller
	 * method or anything it calls synchronously).
	 * @param flag the flag's key
	 * @param codedDefault the answer when the flag is unknown or cannot be evaluated
	 * @return the flag's value for the caller
	 */
	public boolean isEnabled(String flag, boolean codedDefault) {
		Viewer viewer = Viewer.current();
		return evaluate(flag, codedDefault, context(viewer, this.clientNames.choose(viewer, FeatureFlags::header)));
	}

	/**
	 * Whether a flag is on for the caller of a GraphQL request, on any thread: declare
	 * {@code GraphQLContext} as a handler argument (or take it from a batch loader's
	 * environment) and pass it.
	 * @param flag the flag's key
	 * @param codedDefault the answer when the flag is unknown or cannot be evaluated
	 * @param request the request's GraphQL context
	 * @return the flag's value for the caller
	 */
	public boolean isEnabled(String flag, boolean codedDefault, GraphQLContext request) {
		Viewer viewer = request.getOrDefault(Viewer.class, Viewer.ANONYMOUS);
		return evaluate(flag, codedDefault,
				context(viewer, request.getOrDefault(ClientNames.KEY, ClientNames.UNKNOWN)));
	}

	/**
	 * The OpenFeature evaluation context of a caller.
	 * @param viewer the caller
	 * @param clientName the caller's client name
	 * @return the context
	 */
	public static EvaluationContext context(Viewer viewer, String clientName) {
		Map<String, Value> attributes = Map.of(SCOPES,
				new Value(viewer.scopes().stream().sorted().map(Value::new).toList()), CLIENT, new Value(clientName));
		return (viewer.userId() != null) ? new ImmutableContext(viewer.userId(), attributes)
				: new ImmutableContext(attributes);
	}

	private boolean evaluate(String flag, boolean codedDefault, EvaluationContext context) {
		try {
			FlagEvaluationDetails<Boolean> details = this.client.getBooleanDetails(flag, codedDefault, context);
			ErrorCode error = details.getErrorCode();
			if (error != null && error != ErrorCode.FLAG_NOT_FOUND) {
				failed(error.name());
			}
			Boolean value = details.getValue();
			return (error == null && value != null) ? value : codedDefault;
		}
		catch (RuntimeException ex) {
			failed("EXCEPTION");
			return codedDefault;
		}
	}

	private void failed(String code) {
		Counter.builder(EVALUATION_ERRORS)
			.description("Feature flag evaluations answered with the coded default because the provider failed")
			.tag("code", code)
			.register(this.registry)
			.increment();
	}

	private static @Nullable String header(String name) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getHeader(name);
		}
		return null;
	}

}
