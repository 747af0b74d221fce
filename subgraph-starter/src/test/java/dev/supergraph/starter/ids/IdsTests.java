package dev.supergraph.starter.ids;

import java.util.OptionalLong;

import dev.supergraph.starter.errors.SubgraphException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "0", "7", "0042", "123456789012345678" })
	void oneToEighteenAsciiDigitsAreAnId(String id) {
		assertThat(Ids.tryParse(id)).isEqualTo(OptionalLong.of(Long.parseLong(id)));
		assertThat(Ids.parse(id)).isEqualTo(Long.parseLong(id));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " 1", "1 ", "-1", "+1", "1.0", "1e3", "0x10", "abc", "1234567890123456789",
			"\u0661\u0662\u0663", "\uff11\uff12\uff13", "\u0967", "1\u0000", "\ud835\udfcf" })
	void anythingElseIsMalformed(String id) {
		assertThat(Ids.tryParse(id)).isEmpty();
		assertThatExceptionOfType(SubgraphException.class).isThrownBy(() -> Ids.parse(id));
	}

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\ud83d\ude00xyz", "\u202e1", "1\u200b", "\ud800x",
			"x\udc00", "1\u0085", "\ue000", "1\u2066\u2069" })
	void theRefusedIdInTheMessageIsWellFormedVisibleText(String id) {
		SubgraphException refused = catchThrowableOfType(SubgraphException.class, () -> Ids.parse(id));
		String shown = (String) refused.getMessageArguments()[0];
		// the message reaches clients as JSON: an unpaired surrogate breaks strict
		// parsers,
		// and a bidi override or an invisible character disguises what was sent
		assertThat(shown.codePoints()).allSatisfy((c) -> assertThat(Character.getType(c)).as("U+%04X", c)
			.isNotIn((int) Character.SURROGATE, (int) Character.CONTROL, (int) Character.FORMAT,
					(int) Character.PRIVATE_USE, (int) Character.UNASSIGNED));
		assertThat(shown.codePointCount(0, shown.length())).isLessThanOrEqualTo(41);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "1;drop", "<b>1</b>", "\u0661\u0662" })
	void aRefusedIdOfVisibleTextIsShownAsSent(String id) {
		SubgraphException refused = catchThrowableOfType(SubgraphException.class, () -> Ids.parse(id));
		assertThat(refused.getMessageArguments()).containsExactly(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "7", "42", "123456789012345678" })
	void aSubjectInCanonicalFormIsAUserId(String subject) {
		assertThat(Ids.tryParseSubject(subject)).isEqualTo(OptionalLong.of(Long.parseLong(subject)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "00", "07", "0042", "", "-7", "+7", "auth0|7", "7 ", "1234567890123456789" })
	void anyOtherSubjectIsNoUserId(String subject) {
		assertThat(Ids.tryParseSubject(subject)).isEmpty();
	}

}
