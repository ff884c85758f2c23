package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Secret the platform reads is created by something: see {@link SecretReferences}.
 * In dev the hand-made ones come from the dev-secrets folders (which scripts/kind-up.sh
 * applies); in prod from the commands in docs/deploy.md, section "Secrets".
 */
class SecretReferencesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/secrets");

	private static final Pattern CREATE_SECRET = Pattern.compile("kubectl -n (\\S+) create secret generic (\\S+)(.*)");

	private static final Pattern FROM = Pattern.compile("--from-(?:literal|file)=([^=\\s]+)=");

	@Test
	void everySecretDevReadsIsCreated() {
		Violations.assertNone(
				SecretReferences.referencedSecretsExist(RepositoryManifests.environment("dev"), devSecretsFolders()));
	}

	@Test
	void everySecretTheSmallKindProfileReadsIsCreated() {
		Violations.assertNone(
				SecretReferences.referencedSecretsExist(KindProfileBudget.of("small").bundle(), devSecretsFolders()));
	}

	@Test
	void everySecretProdReadsIsCreated() {
		Violations.assertNone(SecretReferences.referencedSecretsExist(RepositoryManifests.environment("prod"),
				commandsIn(secretsSection())));
	}

	@Test
	void everyDevSecretIsDocumentedAndItsValuesStayOutOfGit() {
		List<SecretReferences.Provided> secrets = devSecretsFolders();
		assertThat(secrets).extracting(SecretReferences.Provided::name).contains("notification-smtp", "grafana-admin");
		String section = secretsSection();
		for (SecretReferences.Provided secret : secrets) {
			Path folder = Repository.root().resolve(secret.source());
			assertThat(section).as("docs/deploy.md, \"Secrets\", names %s", secret.name())
				.contains("`" + secret.name() + "`");
			assertThat(folder.resolve("secrets.env.example")).as("%s has an example", folder).exists();
			assertThat(folder.resolve(".gitignore")).as("%s ignores secrets.env", folder)
				.content()
				.containsPattern("(?m)^secrets\\.env$");
		}
	}

	@Test
	void readsTheProdCommandsOfTheDeployGuide() {
		List<SecretReferences.Provided> secrets = commandsIn("""
				kubectl -n observability create secret generic grafana-admin \\
				  --from-literal=admin-user=admin --from-literal=admin-password="$(openssl rand -hex 32)"
				""");
		assertThat(secrets).singleElement().satisfies((secret) -> {
			assertThat(secret.namespace()).isEqualTo("observability");
			assertThat(secret.name()).isEqualTo("grafana-admin");
			assertThat(secret.keys()).containsExactlyInAnyOrder("admin-user", "admin-password");
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			secret-never-created.yaml        | spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name
			chart-secret-never-created.yaml  | spec.source.helm.valuesObject.external_services.grafana.auth.password
			operator-secret-key-missing.yaml | spec.template.spec.volumes[0].secret.secretName
			""")
	void catchesBrokenSample(String sample, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		List<Violation> violations = SecretReferences.referencedSecretsExist(objects, List.of());
		BrokenSamples.assertCaught(violations, sample, field);
	}

	/** The Secrets of every dev-secrets folder, rendered from its example. */
	static List<SecretReferences.Provided> devSecretsFolders() {
		List<SecretReferences.Provided> secrets = new ArrayList<>();
		for (Path dir : Repository.kustomizations()) {
			if (dir.getFileName().toString().equals("dev-secrets")) {
				Kustomize.Rendering rendering = Kustomize.render(dir);
				assertThat(rendering.error()).as("rendering %s", rendering.dir()).isNull();
				for (ManifestObject secret : rendering.objects()) {
					secrets.add(new SecretReferences.Provided(secret.namespace(), secret.name(),
							SecretReferences.renderedKeys(secret), rendering.dir()));
				}
			}
		}
		return secrets;
	}

	/**
	 * {@code kubectl -n <namespace> create secret generic <name> --from-literal=<key>=...}.
	 */
	static List<SecretReferences.Provided> commandsIn(String markdown) {
		String joined = markdown.replaceAll("\\\\\\n\\s*", " ");
		List<SecretReferences.Provided> secrets = new ArrayList<>();
		Matcher command = CREATE_SECRET.matcher(joined);
		while (command.find()) {
			Set<String> keys = new TreeSet<>();
			Matcher from = FROM.matcher(command.group(3));
			while (from.find()) {
				keys.add(from.group(1));
			}
			secrets.add(new SecretReferences.Provided(command.group(1), command.group(2), keys, "docs/deploy.md"));
		}
		return secrets;
	}

	private static String secretsSection() {
		try {
			String guide = Files.readString(Repository.root().resolve("docs/deploy.md"));
			int start = guide.indexOf("\n## Secrets");
			assertThat(start).as("docs/deploy.md has a section \"Secrets\"").isNotNegative();
			int end = guide.indexOf("\n## ", start + 1);
			return guide.substring(start, (end < 0) ? guide.length() : end);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
