package io.meshgate.localplatform;

import java.nio.file.Path;
import java.util.Set;

/**
 * What a service's own environment variables may be built from.
 *
 * @param appUrl the URL the service serves on locally
 * @param secrets the local secrets, generated on first use
 * @param options the launch options (ports after the offset, directories)
 * @param running the names of the services that run in this start
 */
record ServiceContext(String appUrl, Secrets secrets, LaunchOptions options, Set<String> running) {

	String secret(String name) {
		return this.secrets.get(name);
	}

	/** Where another service listens, after the port offset. */
	String localUrl(int basePort) {
		return "http://127.0.0.1:" + this.options.port(basePort);
	}

	/** Whether a service is part of this start. */
	boolean runs(String service) {
		return this.running.contains(service);
	}

	Path tlsDirectory() {
		return this.options.localDirectory().resolve("tls");
	}

}
