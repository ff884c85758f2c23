import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * The signing side of auth-service, for benchmarks/gateway-overhead.sh: a fresh RSA key,
 * its JWKS and one access token (RS256, {@code kid}, 15 minutes) that passes api-gateway's
 * checks. Run as a single file, no build: {@code java BenchmarkToken.java <dir> <issuer>
 * <audience>} writes {@code <dir>/jwks.json} and {@code <dir>/token}.
 */
class BenchmarkToken {

	private static final String KEY_ID = "gateway-overhead-benchmark";

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: java BenchmarkToken.java <dir> <issuer> <audience>");
		}
		Path dir = Path.of(args[0]);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		Files.writeString(dir.resolve("jwks.json"), jwks((RSAPublicKey) keys.getPublic()));
		Files.writeString(dir.resolve("token"), token(keys, args[1], args[2]));
	}

	private static String jwks(RSAPublicKey key) {
		return """
				{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}"""
			.formatted(KEY_ID, unsigned(key.getModulus()), unsigned(key.getPublicExponent()));
	}

	private static String token(KeyPair keys, String issuer, String audience) throws Exception {
		long now = Instant.now().getEpochSecond();
		String header = """
				{"kid":"%s","alg":"RS256"}""".formatted(KEY_ID);
		// The claims of an auth-service access token for a signed-in user (CONTRACTS.md).
		String claims = """
				{"iss":"%s","sub":"%s","aud":["%s"],"scope":"openid profile","roles":["USER"],\
				"iat":%d,"nbf":%d,"exp":%d}""".formatted(issuer, UUID.randomUUID(), audience, now, now, now + 15 * 60);
		String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64(claims.getBytes(StandardCharsets.UTF_8));
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(keys.getPrivate());
		signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		return signingInput + "." + base64(signature.sign());
	}

	/** JWK integers are big-endian without the sign byte BigInteger may add. */
	private static String unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		int start = (bytes.length > 1 && bytes[0] == 0) ? 1 : 0;
		return base64(Arrays.copyOfRange(bytes, start, bytes.length));
	}

	private static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
