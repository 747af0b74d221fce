package dev.supergraph.starter.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HeaderText} allows exactly the header names and values that Spring Security's
 * strict firewall allows by its own patterns: every code point alone, and the strings
 * where a scan could go wrong (surrogates, tabs, a long token).
 */
class HeaderTextTests {

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");

	private final FirewalledRequest firewalled = new StrictHttpFirewall().getFirewalledRequest(this.request);

	@Test
	void everyCodePointIsJudgedAsTheFirewallsPatternsJudgeIt() {
		List<String> disagreements = new ArrayList<>();
		int refusedValues = 0;
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = Character.toString(codePoint);
			if (HeaderText.isAllowedValue(text) != firewallAllowsValue(text)) {
				disagreements.add("value U+%04X".formatted(codePoint));
			}
			if (HeaderText.isAllowedName(text) != firewallAllowsName(text)) {
				disagreements.add("name U+%04X".formatted(codePoint));
			}
			refusedValues += HeaderText.isAllowedValue(text) ? 0 : 1;
		}
		assertThat(disagreements).isEmpty();
		// the unassigned code points and the C0 and C1 controls but the tab
		assertThat(refusedValues).isGreaterThan(800_000);
	}

	@Test
	void stringsAreJudgedAsTheFirewallsPatternsJudgeThem() {
		String token = "eyJhbGciOiJSUzI1NiJ9." + "a".repeat(400) + ".sig-_~+/==";
		for (String text : List.of("", "Bearer " + token, "a\tb", "\t", "a b", "\ud83d\ude00 emoji", "lone \ud83d",
				"\ude00 lone low", "end \ud83d", "caf\u00e9", "nbsp\u00a0", "C1 \u0085", "DEL \u007f", "NUL \u0000",
				"CR \r", "unassigned \u0378", "noncharacter \uffff", "private \ue000", "Bearer " + token + "\u0085")) {
			assertThat(HeaderText.isAllowedValue(text)).as("value %s", text).isEqualTo(firewallAllowsValue(text));
			assertThat(HeaderText.isAllowedName(text)).as("name %s", text).isEqualTo(firewallAllowsName(text));
		}
	}

	private boolean firewallAllowsValue(String value) {
		this.request.removeHeader("X-Probe");
		this.request.addHeader("X-Probe", value);
		try {
			this.firewalled.getHeader("X-Probe");
			return true;
		}
		catch (RequestRejectedException ex) {
			return false;
		}
	}

	private boolean firewallAllowsName(String name) {
		try {
			this.firewalled.getHeader(name);
			return true;
		}
		catch (RequestRejectedException ex) {
			return false;
		}
	}

}
