package dev.supergraph.starter.pagination;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.SubgraphException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.pagination.CursorStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Connections page by id keysets with the documented sizes, their cursors survive a round
 * trip through a client, and a bad size or a forged cursor is the client's mistake.
 */
class PaginationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaginationAutoConfiguration.class));

	@Test
	void pagesHaveTheDocumentedSizesUnlessConfigured() {
		this.runner.run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			assertThat(pages.request(null, null)).isEqualTo(new PageRequest(20, 0));
			assertThat(pages.request(100, null).fetchSize()).isEqualTo(101);
			assertRefused(() -> pages.request(101, null));
			assertRefused(() -> pages.request(-1, null));
		});
		this.runner.withPropertyValues("subgraph.pagination.default-size=5", "subgraph.pagination.max-size=7")
			.run((context) -> {
				KeysetPages pages = context.getBean(KeysetPages.class);
				assertThat(pages.request(null, null).size()).isEqualTo(5);
				assertThat(pages.request(7, null).size()).isEqualTo(7);
				assertRefused(() -> pages.request(8, null));
			});
	}

	@Test
	void theLastCursorOfAPageContinuesAfterItsLastRow() {
		this.runner.run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			@SuppressWarnings("unchecked")
			CursorStrategy<ScrollPosition> cursors = context.getBean(CursorStrategy.class);
			PageRequest first = pages.request(2, null);
			Window<Long> window = pages.window(List.of(3L, 8L, 13L), first, Long::longValue);
			assertThat(window.getContent()).containsExactly(3L, 8L);
			assertThat(window.hasNext()).isTrue();
			String cursor = cursors.toCursor(window.positionAt(1));
			assertThat(pages.request(2, cursor)).isEqualTo(new PageRequest(2, 8));
			assertThat(pages.window(List.of(13L), pages.request(2, cursor), Long::longValue).hasNext()).isFalse();
		});
	}

	@Test
	void aForgedOrGarbledCursorIsRefused() {
		this.runner.run((context) -> {
			KeysetPages pages = context.getBean(KeysetPages.class);
			@SuppressWarnings("unchecked")
			CursorStrategy<ScrollPosition> cursors = context.getBean(CursorStrategy.class);
			String valid = cursors.toCursor(ScrollPosition.forward(Map.of("id", 8L)));
			assertThat(pages.request(1, valid).afterId()).isEqualTo(8);
			for (String bad : List.of("", "not base64!", base64("id:-1"), base64("id:8; drop table"),
					base64("offset:8"), base64("id:12345678901234567890"), valid + "x")) {
				assertRefused(() -> pages.request(1, bad));
			}
		});
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertRefused(Runnable request) {
		assertThatExceptionOfType(SubgraphException.class).isThrownBy(request::run)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ErrorCode.BAD_USER_INPUT));
	}

}
