package io.meshgate.manifests;

/**
 * Istio's string match for policy fields: exact, {@code prefix*}, {@code *suffix} or
 * {@code *}.
 */
final class IstioStrings {

	private IstioStrings() {
	}

	static boolean matches(String pattern, String value) {
		if (pattern.equals("*")) {
			return !value.isEmpty();
		}
		if (pattern.endsWith("*")) {
			return value.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		if (pattern.startsWith("*")) {
			return value.endsWith(pattern.substring(1));
		}
		return pattern.equals(value);
	}

}
