package dev.supergraph.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The orders subgraph: orders with the price snapshot of their items, the orders of a
 * user and the shipping estimate of a product.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrdersApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrdersApplication.class, args);
	}

}
