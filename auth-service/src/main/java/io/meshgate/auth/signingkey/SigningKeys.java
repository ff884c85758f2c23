package io.meshgate.auth.signingkey;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.meshgate.auth.server.TokenProperties;

/**
 * The key ring: which keys the JWKS publishes and which one signs, with rotation that
 * never lets a resource server meet an unknown key. A new key is published
 * {@code publishLead} before it signs anything; the key it replaces stays published until
 * every token it signed has expired. Every replica works from the same table and re-reads
 * it every {@code refreshInterval}.
 */
@Service
public class SigningKeys {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	/** Resource servers accept tokens up to this much past their expiry. */
	private static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

	private final SigningKeyRepository repository;

	private final SigningKeyProperties properties;

	private final Duration retention;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private volatile List<StoredSigningKey> keys;

	/**
	 * Decrypting is deliberately slow (PBKDF2), so each private key is decrypted once.
	 */
	private final Map<String, RSAKey> decrypted = new ConcurrentHashMap<>();

	SigningKeys(SigningKeyRepository repository, SigningKeyProperties properties, TokenProperties tokens,
			TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.retention = tokens.longestTokenLifetime().plus(MAX_CLOCK_SKEW).plus(properties.refreshInterval());
		this.transactions = transactions;
		this.clock = clock;
		this.keys = createFirstKeyIfNone();
	}

	/** The public keys a resource server must know now: the JWKS. */
	public List<JWK> published() {
		Instant now = this.clock.instant();
		List<StoredSigningKey> snapshot = this.keys;
		List<JWK> published = new ArrayList<>();
		for (int i = 0; i < snapshot.size(); i++) {
			if (isPublished(snapshot, i, now)) {
				published.add(snapshot.get(i).publicKey());
			}
		}
		return published;
	}

	/** The private key that signs tokens issued now. */
	public RSAKey current() {
		StoredSigningKey signing = signingKey(this.keys, this.clock.instant());
		return this.decrypted.computeIfAbsent(signing.kid(), (kid) -> decrypt(signing));
	}

	/** Every stored key with its state now, for operators. */
	public List<SigningKeyView> describe() {
		Instant now = this.clock.instant();
		List<StoredSigningKey> snapshot = this.keys;
		StoredSigningKey signing = signingKey(snapshot, now);
		List<SigningKeyView> views = new ArrayList<>();
		for (int i = 0; i < snapshot.size(); i++) {
			StoredSigningKey key = snapshot.get(i);
			String state = key == signing ? "signing" : key.activeFrom().isAfter(now) ? "next" : "retiring";
			views.add(new SigningKeyView(key.kid(), state, key.createdAt(), key.activeFrom()));
		}
		return views;
	}

	/**
	 * Creates the successor of the current key now, whatever the schedule says; it signs
	 * once {@code publishLead} has passed.
	 * @return the new key's id
	 */
	public String rotate() {
		String kid = this.transactions.execute((status) -> {
			this.repository.lockForRotation();
			return createKey(this.clock.instant().plus(this.properties.publishLead()));
		});
		logger.info("Created signing key {}; it signs from {}", kid, this.properties.publishLead());
		refresh();
		return kid;
	}

	/**
	 * Runs on every replica each {@code refreshInterval}: rotates when the newest key is
	 * older than the rotation period, deletes keys no token can still need, and re-reads
	 * the table.
	 */
	void maintain() {
		this.transactions.executeWithoutResult((status) -> {
			this.repository.lockForRotation();
			Instant now = this.clock.instant();
			List<StoredSigningKey> stored = this.repository.findAllOrderedByActiveFrom();
			StoredSigningKey newest = stored.get(stored.size() - 1);
			if (!newest.activeFrom().plus(this.properties.rotationPeriod()).isAfter(now)) {
				String kid = createKey(now.plus(this.properties.publishLead()));
				logger.info("Scheduled rotation created signing key {}", kid);
			}
			List<String> expired = new ArrayList<>();
			for (int i = 0; i < stored.size(); i++) {
				if (!isPublished(stored, i, now)) {
					expired.add(stored.get(i).kid());
				}
			}
			this.repository.deleteAll(expired);
		});
		refresh();
	}

	private void refresh() {
		this.keys = List.copyOf(this.repository.findAllOrderedByActiveFrom());
		this.decrypted.keySet().retainAll(this.keys.stream().map(StoredSigningKey::kid).toList());
	}

	private List<StoredSigningKey> createFirstKeyIfNone() {
		return this.transactions.execute((status) -> {
			this.repository.lockForRotation();
			if (this.repository.findAllOrderedByActiveFrom().isEmpty()) {
				// No token exists yet, so the first key may sign at once.
				createKey(this.clock.instant());
			}
			return List.copyOf(this.repository.findAllOrderedByActiveFrom());
		});
	}

	/**
	 * A key is published until its successor has been signing for longer than any token
	 * lives; keys not yet signing are published already.
	 */
	private boolean isPublished(List<StoredSigningKey> ordered, int index, Instant now) {
		if (index == ordered.size() - 1) {
			return true;
		}
		Instant replacedAt = ordered.get(index + 1).activeFrom();
		return replacedAt.plus(this.retention).isAfter(now);
	}

	private static StoredSigningKey signingKey(List<StoredSigningKey> ordered, Instant now) {
		StoredSigningKey signing = null;
		for (StoredSigningKey key : ordered) {
			if (!key.activeFrom().isAfter(now)) {
				signing = key;
			}
		}
		if (signing == null) {
			throw new IllegalStateException("No signing key is active yet");
		}
		return signing;
	}

	private String createKey(Instant activeFrom) {
		KeyPair pair = generateRsaKeyPair();
		String kid = UUID.randomUUID().toString();
		RSAKey publicKey = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.build();
		String salt = KeyGenerators.string().generateKey();
		byte[] encrypted = Encryptors.stronger(this.properties.encryptionPassword(), salt)
			.encrypt(pair.getPrivate().getEncoded());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.repository.insert(
				new StoredSigningKey(kid, publicKey, encrypted, salt, now, activeFrom.truncatedTo(ChronoUnit.MICROS)));
		return kid;
	}

	private RSAKey decrypt(StoredSigningKey key) {
		byte[] pkcs8 = Encryptors.stronger(this.properties.encryptionPassword(), key.salt())
			.decrypt(key.encryptedPrivateKey());
		try {
			RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			return new RSAKey.Builder(key.publicKey()).privateKey(privateKey).build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the private key of " + key.kid(), ex);
		}
	}

	private static KeyPair generateRsaKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
