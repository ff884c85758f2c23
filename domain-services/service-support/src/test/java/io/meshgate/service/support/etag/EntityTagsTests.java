package io.meshgate.service.support.etag;

import io.meshgate.service.support.etag.EntityTags.IfMatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions go out as strong entity tags and come back in {@code If-Match}; whatever else
 * a client sends there never matches a stored version.
 */
class EntityTagsTests {

	@Test
	void versionIsAStrongEntityTag() {
		assertThat(EntityTags.of(0)).isEqualTo("\"0\"");
		assertThat(EntityTags.of(42)).isEqualTo("\"42\"");
	}

	@Test
	void ifMatchReadsBackTheVersionOfATag() {
		assertThat(EntityTags.ifMatch(EntityTags.of(42))).hasValue(new IfMatch(false, 42));
	}

	@Test
	void ifMatchToleratesSurroundingWhitespace() {
		assertThat(EntityTags.ifMatch("  \"7\" ")).hasValue(new IfMatch(false, 7));
	}

	@Test
	void ifMatchStarMatchesAnyVersion() {
		assertThat(EntityTags.ifMatch("*"))
			.hasValueSatisfying((condition) -> assertThat(condition.anyVersion()).isTrue());
	}

	@Test
	void missingOrBlankIfMatchStatesNoCondition() {
		assertThat(EntityTags.ifMatch(null)).isEmpty();
		assertThat(EntityTags.ifMatch(" ")).isEmpty();
	}

	@Test
	void weakTagNeverMatches() {
		assertNeverMatches("W/\"3\"");
	}

	@Test
	void listOfTagsNeverMatches() {
		assertNeverMatches("\"3\", \"4\"");
	}

	@Test
	void tagThatIsNoVersionNeverMatches() {
		assertNeverMatches("\"abc\"");
		assertNeverMatches("3");
		assertNeverMatches("\"-1\"");
	}

	@Test
	void versionBeyondALongNeverMatches() {
		assertNeverMatches("\"9999999999999999999\"");
	}

	private static void assertNeverMatches(String header) {
		assertThat(EntityTags.ifMatch(header)).hasValue(new IfMatch(false, -1));
	}

}
