package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the manifests live. Surefire runs in the module folder, whose parent is the
 * repository root.
 */
final class Repository {

	private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", "src");

	private Repository() {
	}

	static Path root() {
		String configured = System.getProperty("meshgate.repository");
		Path root = (configured != null) ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
		return root.toAbsolutePath().normalize();
	}

	static String relative(Path path) {
		return root().relativize(path.toAbsolutePath().normalize()).toString();
	}

	/**
	 * Every kustomization of the repository. Test sources are skipped: their broken
	 * samples are meant to fail. So are kustomize components: they render only inside the
	 * overlays that include them, and are checked there.
	 */
	static List<Path> kustomizations() {
		try (Stream<Path> files = Files.walk(root())) {
			return files.filter((file) -> file.getFileName().toString().equals("kustomization.yaml"))
				.filter((file) -> !isSkipped(file))
				.filter((file) -> !isComponent(file))
				.map(Path::getParent)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isComponent(Path file) {
		return Yaml.documents(file).stream().anyMatch((tree) -> tree.path("kind").asText().equals("Component"));
	}

	private static boolean isSkipped(Path file) {
		for (Path segment : root().relativize(file)) {
			if (SKIPPED.contains(segment.toString())) {
				return true;
			}
		}
		return false;
	}

}
