package io.meshgate.localplatform;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** What the tests that start a real platform share. */
final class PlatformTestSupport {

	private PlatformTestSupport() {
	}

	/**
	 * An offset that puts every port of the platform (and the extra ones given) on a free
	 * port below 32768, so a test never meets a developer's running platform.
	 */
	static int freePortOffset(Integer... extraPorts) {
		List<Integer> basePorts = Stream.concat(Components.basePorts().stream(), Stream.of(extraPorts)).toList();
		return IntStream.generate(() -> ThreadLocalRandom.current().nextInt(100, 1300) * 10)
			.filter((offset) -> basePorts.stream().allMatch((port) -> Ports.isFree(port + offset)))
			.findFirst()
			.getAsInt();
	}

	/** Trusts exactly the local certificate the launcher generated, nothing else. */
	static SSLContext trustingTheLocalCertificate(LaunchOptions options) throws Exception {
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(options.localDirectory().resolve("tls/gateway.p12"))) {
			trusted.load(in,
					Secrets.load(options.secretsFile()).get("api-gateway.tls.keystore-password").toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(null, trust.getTrustManagers(), null);
		return tls;
	}

}
