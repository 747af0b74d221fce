package dev.supergraph.orders.pricing;

import java.net.http.HttpClient;

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
	HttpSyncGraphQlClient catalogGraphQlClient(CatalogProperties properties) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.timeout());
		RestClient rest = RestClient.builder().requestFactory(requests).baseUrl(properties.url()).build();
		return HttpSyncGraphQlClient.create(rest);
	}

}
