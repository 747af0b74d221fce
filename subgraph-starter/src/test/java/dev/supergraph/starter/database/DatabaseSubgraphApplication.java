package dev.supergraph.starter.database;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A subgraph with the starter and a PostgreSQL database, read the way the real subgraphs
 * read and write it: {@link JdbcClient} outside a transaction, and inside a
 * {@link TransactionTemplate}. Its schema is {@code graphql-database/}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DatabaseSubgraphApplication.DatabaseTimeController.class)
class DatabaseSubgraphApplication {

	/** Text of the subgraph's one statement, for a proxy to recognise. */
	static final String STATEMENT = "select now()::text as database_time";

	@Controller
	static class DatabaseTimeController {

		private final JdbcClient jdbc;

		private final TransactionTemplate transactions;

		DatabaseTimeController(JdbcClient jdbc, TransactionTemplate transactions) {
			this.jdbc = jdbc;
			this.transactions = transactions;
		}

		@QueryMapping
		String databaseTime() {
			return this.jdbc.sql(STATEMENT).query(String.class).single();
		}

		@MutationMapping
		String databaseTimeInTransaction() {
			return this.transactions.execute((status) -> databaseTime());
		}

	}

}
