package dev.supergraph.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static dev.supergraph.gateway.ReferenceOperationsIT.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator page in a real browser (Debian's headless Chromium, installed by
 * {@code scripts/install-observability-tools.sh}) against the running supergraph under
 * traffic: a deliberately slow operation rises to the top of the slowest operations and
 * of the hot paths. The screenshot is kept in {@code target/ops-page.png}.
 */
class OperatorPageIT {

	/**
	 * Every product of every category, read from the database: far slower than the rest.
	 */
	private static final String SLOW = """
			query CatalogScan {
			  categories { name products(first: 100) { edges { node { sku name description price { amount } } } } }
			}""";

	@Test
	void aDeliberatelySlowOperationTopsTheOperatorPage() {
		Supergraph supergraph = Supergraph.get();
		ChromeDriver browser = browser();
		try {
			browser.get(supergraph.routerUri("/ops").toString());
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofSeconds(2));
			// the page redraws its tables every few seconds: an element read during a
			// redraw is stale
			wait.ignoring(StaleElementReferenceException.class);
			wait.until((page) -> page.findElement(By.id("updated")).getText().startsWith("updated"));
			// The page shows the last minute, other tests' traffic included: the traffic
			// goes on
			// (bounded by the wait) until the slow operation leads both lists.
			wait.until((page) -> {
				traffic(supergraph);
				return "CatalogScan".equals(firstOperation(page.findElement(By.id("slow"))))
						&& "CatalogScan".equals(firstOperation(page.findElement(By.id("hot"))));
			});
			String slowest = wait.until((page) -> page.findElement(By.id("slow")).getText());
			assertThat(slowest).containsPattern("[0-9a-f]{32}");
			String health = wait.until((page) -> page.findElement(By.id("health")).getText());
			assertThat(health).contains("users", "orders", "catalog").doesNotContain("DOWN");
			keep(browser.getScreenshotAs(OutputType.FILE).toPath());
		}
		finally {
			browser.quit();
		}
	}

	private static void traffic(Supergraph supergraph) {
		GraphQlHttpClient router = supergraph.router();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 5; i++) {
				router.post(document("ProductPage"), Map.of("first", 5), null);
				router.post("query CategoryNames { categories { id name } }");
			}
			supergraph.invalidateCatalogCache();
			router.post(SLOW);
		}
	}

	private static String firstOperation(WebElement section) {
		List<WebElement> operations = section.findElements(By.cssSelector("tbody tr[data-rank='1'] code.operation"));
		return operations.isEmpty() ? null : operations.get(0).getText();
	}

	private static ChromeDriver browser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1600");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(executable("chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/** Debian's binaries; the test fails, never skips, when they are missing. */
	private static String executable(String name) {
		for (String directory : List.of("/usr/bin", "/usr/local/bin", "/usr/lib/chromium")) {
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new IllegalStateException(name
				+ " not found: run gateway-config/scripts/install-observability-tools.sh (apt-get install chromium chromium-driver)");
	}

	private static void keep(Path screenshot) {
		try {
			Files.copy(screenshot, Path.of("target", "ops-page.png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
