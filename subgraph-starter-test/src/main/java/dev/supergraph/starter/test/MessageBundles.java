package dev.supergraph.starter.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a message bundle on the classpath is translated: every key of the base file
 * is in each translation and nothing else is, and each translation uses the same
 * {@code {0}} arguments and {@code {key}} templates as the base message.
 */
public final class MessageBundles {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^},]+)[^}]*}");

	private MessageBundles() {
	}

	/**
	 * What is missing or inconsistent in the translations of a bundle.
	 * @param basename the bundle, e.g. {@code errors}
	 * @param locales the languages it must be translated into
	 * @return one line per problem; empty when the translations are complete
	 */
	public static List<String> untranslated(String basename, Locale... locales) {
		Properties base = load(basename + ".properties");
		List<String> problems = new ArrayList<>();
		for (Locale locale : locales) {
			String name = basename + "_" + locale.getLanguage() + ".properties";
			Properties translation = load(name);
			for (String key : new TreeSet<>(base.stringPropertyNames())) {
				String translated = translation.getProperty(key);
				if (translated == null) {
					problems.add(name + ": missing " + key);
				}
				else if (!placeholders(translated).equals(placeholders(base.getProperty(key)))) {
					problems.add(name + ": " + key + " does not use " + placeholders(base.getProperty(key)));
				}
			}
			translation.stringPropertyNames()
				.stream()
				.filter((key) -> !base.containsKey(key))
				.sorted()
				.forEach((key) -> problems.add(name + ": " + key + " is not in " + basename + ".properties"));
		}
		return problems;
	}

	private static Set<String> placeholders(String message) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(message);
		while (matcher.find()) {
			names.add(matcher.group(1).strip());
		}
		return names;
	}

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No " + resource + " on the classpath");
			}
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
