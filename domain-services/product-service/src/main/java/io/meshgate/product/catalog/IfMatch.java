package io.meshgate.product.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} condition of a write, against the versions this service issues as
 * strong entity tags ({@code "3"}). The write's own SQL statement evaluates it
 * ({@code WHERE id = :id AND (:anyVersion OR version = :version)}), so nothing can change
 * the product between the check and the write.
 *
 * @param anyVersion {@code *}: whatever version is stored (RFC 9110)
 * @param version the one version that matches, unless {@code anyVersion}
 */
record IfMatch(boolean anyVersion, long version) {

	private static final Pattern ENTITY_TAG = Pattern.compile("\"(\\d{1,18})\"");

	/**
	 * A weak tag, a list, or anything else this service never issues: RFC 9110 compares
	 * If-Match strongly, so it can never hold and the write fails like a stale one.
	 */
	private static final IfMatch NO_VERSION = new IfMatch(false, -1);

	/** The entity tag of a version, the form {@link #of} reads back. */
	static String entityTag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The condition a request's {@code If-Match} header states.
	 * @throws org.springframework.web.ErrorResponseException 428 when there is none
	 */
	static IfMatch of(String header) {
		if (header == null || header.isBlank()) {
			throw ProductProblems.ifMatchRequired();
		}
		String value = header.strip();
		if (value.equals("*")) {
			return new IfMatch(true, -1);
		}
		Matcher tag = ENTITY_TAG.matcher(value);
		return tag.matches() ? new IfMatch(false, Long.parseLong(tag.group(1))) : NO_VERSION;
	}

}
