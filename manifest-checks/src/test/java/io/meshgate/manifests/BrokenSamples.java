package io.meshgate.manifests;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every rule's broken sample must produce: a violation that names the sample's file,
 * an object and the field, so that a person reading it knows where to look.
 */
final class BrokenSamples {

	private BrokenSamples() {
	}

	/**
	 * @param violations what the rule found in the sample
	 * @param file the end of the sample's path
	 * @param field the field the violation must name
	 */
	static void assertCaught(List<Violation> violations, String file, String field) {
		assertThat(violations).as("violations of %s", file).anySatisfy((violation) -> {
			assertThat(violation.file()).endsWith(file);
			assertThat(violation.object()).isNotBlank();
			assertThat(violation.field()).isEqualTo(field);
		});
	}

}
