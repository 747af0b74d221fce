package dev.supergraph.starter.testsubgraph;

import java.util.List;

import dev.supergraph.starter.security.Viewer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A subgraph with nothing but the starter and a tiny schema
 * ({@code graphql/test-subgraph.graphqls}), so the starter's auto-configurations are
 * tested on their own, without a database and without any real subgraph.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
public class TestSubgraphApplication {

	@Controller
	static class TestSubgraphController {

		@QueryMapping
		String greeting() {
			return "hello";
		}

		@QueryMapping
		Caller me(Viewer viewer) {
			return new Caller(viewer.subject(), viewer.apiKeyClient(), viewer.scopes().stream().sorted().toList());
		}

		@QueryMapping
		String secret() {
			return "s3cret";
		}

		@QueryMapping
		Nested node() {
			return new Nested("root");
		}

		@SchemaMapping
		Nested child(Nested parent) {
			return new Nested(parent.name() + ".child");
		}

	}

	record Caller(String subject, String client, List<String> scopes) {

	}

	record Nested(String name) {

	}

}
