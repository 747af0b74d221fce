package dev.supergraph.orders.pricing;

import java.net.http.HttpClient;

import dev.supergraph.starter.security.RouterSignature;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The GraphQL client of the catalog subgraph, with connect and read timeouts so a sick
 * catalog fails a placement fast instead of holding it.
 */
@Configuration(proxyBeanMethods = false)
class CatalogClientConfiguration {

	@Bean
	HttpSyncGraphQlClient catalogGraphQlClient(CatalogProperties properties, RouterSignature signature) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.timeout());
		RestClient rest = RestClient.builder()
			.requestFactory(requests)
			.baseUrl(properties.url())
			// stamped like the router's requests, over the exact body sent
			.requestInterceptor((request, body, execution) -> {
				String stamp = signature.freshness(body);
				if (stamp != null) {
					request.getHeaders().set(RouterSignature.FRESHNESS_HEADER, stamp);
				}
				return execution.execute(request, body);
			})
			.build();
		return HttpSyncGraphQlClient.create(rest);
	}

}
