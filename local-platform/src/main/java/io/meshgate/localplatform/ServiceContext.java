package io.meshgate.localplatform;

/**
 * What a service's own environment variables may be built from.
 *
 * @param appUrl the URL the service serves on locally
 * @param secrets the local secrets, generated on first use
 */
record ServiceContext(String appUrl, Secrets secrets) {

	String secret(String name) {
		return this.secrets.get(name);
	}

}
