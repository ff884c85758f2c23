package io.meshgate.manifests;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.fail;

/** Fails with every violation on its own line. */
final class Violations {

	private Violations() {
	}

	static void assertNone(List<Violation> violations) {
		if (!violations.isEmpty()) {
			fail(violations.size() + " violation(s):\n"
					+ violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
		}
	}

}
