package io.meshgate.member.profile;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A profile's version as a strong entity tag ({@code "3"}), and back from
 * {@code If-Match}.
 */
final class ProfileVersion {

	private static final Pattern ENTITY_TAG = Pattern.compile("\"(\\d{1,18})\"");

	private ProfileVersion() {
	}

	static String entityTag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an {@code If-Match} value names. Empty when it names none that this
	 * service issues (a weak tag, a list, anything else): such a condition can never hold
	 * (RFC 9110 compares If-Match strongly), so the request fails with 412 like a stale
	 * one.
	 */
	static OptionalLong fromIfMatch(String ifMatch) {
		Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
		return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
	}

}
