package dev.supergraph.starter.observability;

import dev.supergraph.starter.errors.SubgraphException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;
import io.micrometer.common.KeyValue;

import org.springframework.graphql.observation.DataFetcherObservationContext;
import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationDocumentation.DataFetcherLowCardinalityKeyNames;

/**
 * Spring's {@code graphql.datafetcher} observation with the field named
 * {@code Type.field} ({@code Product.price}, not {@code price}), so that fields of the
 * same name on different types are told apart, and a field refused with one of the
 * documented codes typed by that code ({@code FORBIDDEN}, not {@code SubgraphException}).
 */
class FieldObservationConvention extends DefaultDataFetcherObservationConvention {

	@Override
	protected KeyValue fieldName(DataFetcherObservationContext context) {
		return KeyValue.of(DataFetcherLowCardinalityKeyNames.FIELD_NAME, coordinate(context.getEnvironment()));
	}

	@Override
	protected KeyValue errorType(DataFetcherObservationContext context) {
		if (context.getError() instanceof SubgraphException refusal) {
			return KeyValue.of(DataFetcherLowCardinalityKeyNames.ERROR_TYPE, refusal.getCode().name());
		}
		return super.errorType(context);
	}

	@Override
	public String getContextualName(DataFetcherObservationContext context) {
		return "graphql field " + coordinate(context.getEnvironment());
	}

	static String coordinate(DataFetchingEnvironment environment) {
		String type = (environment.getParentType() instanceof GraphQLNamedType named) ? named.getName() : "?";
		return type + "." + environment.getField().getName();
	}

}
