package io.meshgate.localplatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's self-signed certificate for https://localhost, made once with the JDK's
 * own {@code keytool} (no extra tool to install) and kept in the git-ignored local
 * directory, so browsers and curl can be told to trust it once.
 */
final class LocalTls {

	private LocalTls() {
	}

	/**
	 * Creates the PKCS#12 key store (and a PEM copy of the certificate, for
	 * {@code curl --cacert}) if it does not exist yet.
	 * @return the key store
	 */
	static Path ensureKeyStore(Path directory, String password) {
		Path keyStore = directory.resolve("gateway.p12");
		if (Files.isRegularFile(keyStore)) {
			return keyStore;
		}
		try {
			Files.createDirectories(directory);
			run(List.of(keytool(), "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1",
					"-validity", "825", "-dname", "CN=localhost, O=Meshgate local platform", "-ext",
					"SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
					"-storepass", password));
			run(List.of(keytool(), "-exportcert", "-rfc", "-alias", "gateway", "-keystore", keyStore.toString(),
					"-storepass", password, "-file", directory.resolve("gateway.pem").toString()));
			return keyStore;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the gateway's local certificate in " + directory, ex);
		}
	}

	private static String keytool() {
		return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
	}

	private static void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("keytool failed: " + output.strip());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while running keytool", ex);
		}
	}

}
