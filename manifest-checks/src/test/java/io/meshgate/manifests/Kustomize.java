package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders kustomizations with {@code kubectl kustomize}, once per folder and JVM.
 */
final class Kustomize {

	private static final String EXAMPLE_SUFFIX = ".example";

	private static final Map<Path, Rendering> CACHE = new ConcurrentHashMap<>();

	private static volatile Map<String, List<String>> sourceFiles;

	private Kustomize() {
	}

	/**
	 * The objects a kustomization renders.
	 * @param dir the kustomization folder
	 * @return the rendering, or its error
	 */
	static Rendering render(Path dir) {
		return CACHE.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
	}

	private static Rendering run(Path dir) {
		String name = Repository.relative(dir);
		Path input = withExampleInputs(dir);
		Process process = start(input);
		String yaml = read(process.getInputStream());
		String error = read(process.getErrorStream());
		if (await(process) != 0) {
			return Rendering.failed(name, "kubectl kustomize " + name + " failed: " + error.strip());
		}
		List<ManifestObject> objects = Yaml.documents(yaml)
			.stream()
			.map((tree) -> new ManifestObject(sourceOf(tree, name), tree))
			.toList();
		return new Rendering(name, objects, null, input != dir);
	}

	private static Process start(Path dir) {
		try {
			return new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("kubectl is needed to render the kustomizations and was not found on the "
					+ "PATH: install kubectl (it embeds kustomize) and run the build again", ex);
		}
	}

	/**
	 * A folder may commit {@code secrets.env.example} in place of a git-ignored
	 * {@code secrets.env}. To render it without the real file, render a copy in which the
	 * example stands in for it (docs/adr/0004-data-and-secrets.md).
	 */
	private static Path withExampleInputs(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			List<Path> examples = files.filter((file) -> file.toString().endsWith(EXAMPLE_SUFFIX))
				.filter((example) -> !Files.exists(withoutSuffix(example)))
				.toList();
			if (examples.isEmpty()) {
				return dir;
			}
			// Under target/, so that "mvn clean" removes it.
			Path copy = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kustomization-");
			try (Stream<Path> all = Files.list(dir)) {
				for (Path file : all.filter(Files::isRegularFile).toList()) {
					Files.copy(file, copy.resolve(file.getFileName()));
				}
			}
			for (Path example : examples) {
				Files.copy(example, withoutSuffix(copy.resolve(example.getFileName())));
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path withoutSuffix(Path example) {
		String name = example.getFileName().toString();
		return example.resolveSibling(name.substring(0, name.length() - EXAMPLE_SUFFIX.length()));
	}

	private static String read(java.io.InputStream stream) {
		try {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int await(Process process) {
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The files that declare an object of this kind and name, so that a message points at
	 * something to edit rather than at rendered output.
	 */
	private static String sourceOf(ObjectNode tree, String renderedBy) {
		String key = tree.path("kind").asText() + "/" + tree.path("metadata").path("name").asText();
		List<String> files = sourceFiles().getOrDefault(key, List.of());
		String component = renderedBy.split("/")[0];
		// Another overlay's patch never contributes to this rendering.
		List<String> candidates = files.stream()
			.filter((file) -> file.startsWith(component + "/"))
			.filter((file) -> !file.contains("/overlays/") || file.startsWith(renderedBy + "/"))
			.toList();
		String declared = candidates.isEmpty() ? "(generated)" : String.join(" + ", candidates);
		return declared + " [rendered by " + renderedBy + "]";
	}

	private static Map<String, List<String>> sourceFiles() {
		if (sourceFiles == null) {
			Map<String, List<String>> index = new LinkedHashMap<>();
			for (Path dir : Repository.kustomizations()) {
				for (Path file : yamlFiles(dir)) {
					for (ObjectNode tree : Yaml.documents(file)) {
						String key = tree.path("kind").asText() + "/" + tree.path("metadata").path("name").asText();
						index.computeIfAbsent(key, (k) -> new ArrayList<>()).add(Repository.relative(file));
					}
				}
			}
			sourceFiles = index;
		}
		return sourceFiles;
	}

	private static List<Path> yamlFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.toString().endsWith(".yaml"))
				.filter((file) -> !file.getFileName().toString().equals("kustomization.yaml"))
				.sorted(Comparator.naturalOrder())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What one kustomization renders.
	 *
	 * @param dir repository-relative folder
	 * @param objects the rendered objects
	 * @param error why rendering failed, or {@code null}
	 * @param fromExamples whether committed examples stood in for git-ignored inputs
	 */
	record Rendering(String dir, List<ManifestObject> objects, String error, boolean fromExamples) {

		static Rendering failed(String dir, String error) {
			return new Rendering(dir, List.of(), error, false);
		}

	}

}
