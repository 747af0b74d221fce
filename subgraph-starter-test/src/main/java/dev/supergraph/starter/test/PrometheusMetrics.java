package dev.supergraph.starter.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a Prometheus endpoint, read as its samples: enough to assert what a
 * running service exposes by metric name and labels.
 *
 * @param samples every sample of the scrape, in order
 */
public record PrometheusMetrics(List<Sample> samples) {

	private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	/**
	 * Scrape an endpoint.
	 * @param url the metrics URL, e.g. {@code http://127.0.0.1:4003/actuator/prometheus}
	 * @return the samples
	 */
	public static PrometheusMetrics scrape(String url) {
		// HTTP/1.1: the router answers the h2c upgrade the JDK client offers by default
		// with 400
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode());
			}
			return parse(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Scraping " + url + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Read the text exposition format.
	 * @param text the scraped text
	 * @return the samples
	 */
	public static PrometheusMetrics parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			Matcher matcher = LINE.matcher(line.trim());
			if (line.startsWith("#") || !matcher.matches()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (matcher.group(2) != null) {
				Matcher label = LABEL.matcher(matcher.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
		}
		return new PrometheusMetrics(List.copyOf(samples));
	}

	/**
	 * The sum of the samples of a metric whose labels include the given ones.
	 * @param name the sample name, e.g. {@code graphql_errors_total}
	 * @param labels label names and values, alternating
	 * @return the sum, 0 when no sample matches
	 */
	public double sum(String name, String... labels) {
		return matching(name, labels).stream().mapToDouble(Sample::value).sum();
	}

	/**
	 * The samples of a metric whose labels include the given ones.
	 * @param name the sample name
	 * @param labels label names and values, alternating
	 * @return the samples
	 */
	public List<Sample> matching(String name, String... labels) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name) && sample.has(labels)).toList();
	}

	/**
	 * Whether any sample belongs to the metric family of this name (a histogram's
	 * {@code _bucket}, {@code _sum} and {@code _count} included).
	 * @param family the family name, e.g. {@code graphql_request_seconds}
	 * @return whether the scrape exposes it
	 */
	public boolean exposes(String family) {
		return this.samples.stream()
			.anyMatch((sample) -> sample.name().equals(family) || sample.name().startsWith(family + "_"));
	}

	/**
	 * One sample.
	 *
	 * @param name the sample name
	 * @param labels its labels
	 * @param value its value
	 */
	public record Sample(String name, Map<String, String> labels, double value) {

		boolean has(String... pairs) {
			for (int i = 0; i + 1 < pairs.length; i += 2) {
				if (!pairs[i + 1].equals(this.labels.get(pairs[i]))) {
					return false;
				}
			}
			return true;
		}

	}

}
