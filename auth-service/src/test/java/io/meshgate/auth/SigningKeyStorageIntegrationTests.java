package io.meshgate.auth;

import io.meshgate.service.testsupport.TestPostgres;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Private keys are stored encrypted: the table holds no key material a database dump
 * would reveal, and only the configured password opens it.
 */
@SpringBootTest
@ActiveProfiles("test")
class SigningKeyStorageIntegrationTests {

	/**
	 * DER of the rsaEncryption OID (1.2.840.113549.1.1.1), present in every PKCS#8 RSA
	 * key.
	 */
	private static final byte[] RSA_OID = HexFormat.of().parseHex("06092a864886f70d010101");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void privateKeysAreEncryptedAtRest() {
		List<Map<String, Object>> rows = this.jdbc.sql("SELECT encrypted_private_key, salt FROM signing_key")
			.query()
			.listOfRows();

		assertThat(rows).isNotEmpty();
		for (Map<String, Object> row : rows) {
			byte[] stored = (byte[]) row.get("encrypted_private_key");
			assertThat(indexOf(stored, RSA_OID)).as("plain PKCS#8 in the table").isNegative();
			byte[] opened = Encryptors.stronger("test-only-encryption-password", (String) row.get("salt"))
				.decrypt(stored);
			assertThat(indexOf(opened, RSA_OID)).isNotNegative();
			assertThatThrownBy(
					() -> Encryptors.stronger("some-other-password-entirely", (String) row.get("salt")).decrypt(stored))
				.isInstanceOf(IllegalStateException.class);
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
