package dev.supergraph.starter.testsubgraph;

import java.util.List;

import dev.supergraph.starter.flags.FeatureFlags;
import dev.supergraph.starter.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.graphql.data.method.annotation.Argument;
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

		private final FeatureFlags flags;

		TestSubgraphController(FeatureFlags flags) {
			this.flags = flags;
		}

		@QueryMapping
		String greeting() {
			return "hello";
		}

		@QueryMapping
		String failure() {
			throw new IllegalStateException("a resolver's unexpected failure");
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
		FlagAnswer flag(@Argument String name, @Argument boolean codedDefault, GraphQLContext context) {
			return new FlagAnswer(this.flags.isEnabled(name, codedDefault),
					this.flags.isEnabled(name, codedDefault, context));
		}

		@QueryMapping
		String echo(@Argument @Nullable String id, @Argument("int") @Nullable Integer number) {
			return (id != null) ? id : String.valueOf(number);
		}

		@QueryMapping
		Nested node() {
			return new Nested("root");
		}

		@QueryMapping
		Nested sample() {
			return new Nested("sample");
		}

		@QueryMapping
		Nested window() {
			return new Nested("window");
		}

		@QueryMapping
		Nested anyWindow() {
			return new Nested("anyWindow");
		}

		@QueryMapping
		List<Shape> shapes() {
			return List.of(new Circle(new Nested("circle")));
		}

		@SchemaMapping
		Nested child(Nested parent) {
			return new Nested(parent.name() + ".child");
		}

	}

	record Caller(String subject, String client, List<String> scopes) {

	}

	record FlagAnswer(boolean onThread, boolean inContext) {

	}

	record Nested(String name) {

	}

	sealed interface Shape permits Circle, Square, Triangle {

	}

	record Circle(Nested owner) implements Shape {

	}

	record Square(Nested owner) implements Shape {

	}

	record Triangle(Nested owner) implements Shape {

	}

}
