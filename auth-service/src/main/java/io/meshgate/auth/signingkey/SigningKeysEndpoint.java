package io.meshgate.auth.signingkey;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * Operator access to the key ring on the management port (never routed by the gateway or
 * exposed by the ingress): {@code GET /actuator/signingkeys} lists the keys,
 * {@code POST /actuator/signingkeys} rotates now.
 */
@Component
@Endpoint(id = "signingkeys")
class SigningKeysEndpoint {

	private final SigningKeys signingKeys;

	SigningKeysEndpoint(SigningKeys signingKeys) {
		this.signingKeys = signingKeys;
	}

	@ReadOperation
	List<SigningKeyView> keys() {
		return this.signingKeys.describe();
	}

	@WriteOperation
	Map<String, String> rotate() {
		return Map.of("kid", this.signingKeys.rotate());
	}

}
