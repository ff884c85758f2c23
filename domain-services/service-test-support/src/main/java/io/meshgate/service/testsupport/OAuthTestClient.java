package io.meshgate.service.testsupport;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a person's browser and a command-line client do against the server, over real
 * HTTP: cookies, the login form with its CSRF token, PKCE, the token endpoint. No
 * redirects are followed automatically, so every hop can be asserted.
 */
public final class OAuthTestClient {

	public static final String CLI = "meshgate-cli";

	public static final String CLI_REDIRECT = "http://127.0.0.1:53682/callback";

	private static final ObjectMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient http;

	private final String forwardedFor;

	/** A browser talking plain HTTP to a service on this loopback port. */
	public OAuthTestClient(int port) {
		this(port, null);
	}

	/**
	 * A client behind the trusted proxy (loopback) that reports the given address in
	 * {@code X-Forwarded-For}, as the gateway does for the people it serves.
	 */
	public OAuthTestClient(int port, String forwardedFor) {
		this("http://localhost:" + port, forwardedFor, null);
	}

	/**
	 * A browser talking to {@code baseUrl}, e.g. the gateway over HTTPS, trusting what
	 * {@code tls} trusts (null: the JDK's defaults).
	 */
	public OAuthTestClient(String baseUrl, String forwardedFor, SSLContext tls) {
		this.baseUrl = baseUrl;
		this.forwardedFor = forwardedFor;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER);
		if (tls != null) {
			builder.sslContext(tls);
		}
		this.http = builder.build();
	}

	public HttpResponse<String> signUp(String email, String password, String displayName) {
		return postJson("/api/accounts",
				json.createObjectNode()
					.put("email", email)
					.put("password", password)
					.put("displayName", displayName)
					.toString());
	}

	/**
	 * Signs up a new account under an e-mail address no other test uses.
	 * @throws AssertionError unless the account was created
	 */
	public NewAccount signUpNewAccount(String displayName, String password) {
		String email = displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + "-" + UUID.randomUUID()
				+ "@example.com";
		HttpResponse<String> response = signUp(email, password, displayName);
		if (response.statusCode() != 201) {
			throw new AssertionError(
					"Sign-up of " + email + " answered " + response.statusCode() + ": " + response.body());
		}
		return new NewAccount(email, json(response).get("id").asString());
	}

	public HttpResponse<String> postJson(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> postJsonWithToken(String path, String accessToken, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + accessToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> get(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET());
	}

	public HttpResponse<String> getWithToken(String path, String accessToken) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + accessToken).GET());
	}

	/** Submits the login form as a browser would, CSRF token included. */
	public HttpResponse<String> login(String email, String password) {
		HttpResponse<String> page = get("/login");
		String csrf = Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
		return postForm("/login", Map.of("username", email, "password", password, "_csrf", csrf), null);
	}

	/**
	 * Starts an authorization request for the CLI client and follows it through the login
	 * form up to the redirect back to the client.
	 * @return the redirect to the client, or the last response if the flow stopped
	 */
	public HttpResponse<String> authorize(Pkce pkce, String redirectUri, String email, String password) {
		HttpResponse<String> response = get(authorizationUrl(pkce, redirectUri));
		if (isRedirectTo(response, "/login")) {
			HttpResponse<String> login = login(email, password);
			if (!isRedirectTo(login, "/oauth2/authorize")) {
				return login;
			}
			response = get(location(login));
		}
		return response;
	}

	public String authorizationUrl(Pkce pkce, String redirectUri) {
		return UriComponentsBuilder.fromUriString(this.baseUrl + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", CLI)
			.queryParam("redirect_uri", redirectUri)
			.queryParam("scope", "openid profile email products.write")
			.queryParam("state", "state-123")
			.queryParam("code_challenge", pkce.challenge())
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUriString();
	}

	public HttpResponse<String> exchangeCode(String code, String verifier) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", CLI_REDIRECT);
		form.put("client_id", CLI);
		form.put("code_verifier", verifier);
		return postForm("/oauth2/token", form, null);
	}

	public HttpResponse<String> refresh(String refreshToken) {
		return postForm("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLI), null);
	}

	public HttpResponse<String> clientCredentials(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return postForm("/oauth2/token", Map.of("grant_type", "client_credentials"), "Basic " + basic);
	}

	public HttpResponse<String> revoke(String token) {
		return postForm("/oauth2/revoke", Map.of("token", token, "client_id", CLI), null);
	}

	/** Signs in and returns the token response of the whole code + PKCE flow. */
	public JsonNode tokensFor(String email, String password) {
		Pkce pkce = Pkce.generate();
		HttpResponse<String> redirect = authorize(pkce, CLI_REDIRECT, email, password);
		HttpResponse<String> tokens = exchangeCode(queryParam(location(redirect), "code"), pkce.verifier());
		if (tokens.statusCode() != 200) {
			throw new IllegalStateException("Token request failed: " + tokens.statusCode() + " " + tokens.body());
		}
		return json(tokens);
	}

	/** Verifies the signature of a JWT against the server's current JWKS. */
	public boolean verifiesAgainstJwks(String jwt) {
		try {
			SignedJWT token = SignedJWT.parse(jwt);
			RSAKey key = (RSAKey) jwks().getKeyByKeyId(token.getHeader().getKeyID());
			return key != null && token.verify(new RSASSAVerifier(key));
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public JWKSet jwks() {
		try {
			return JWKSet.parse(send(HttpRequest.newBuilder(uri("/oauth2/jwks")).GET()).body());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	public static String queryParam(String url, String name) {
		return UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst(name);
	}

	private static boolean isRedirectTo(HttpResponse<?> response, String path) {
		return response.statusCode() == 302 && URI.create(location(response)).getPath().equals(path);
	}

	private HttpResponse<String> postForm(String path, Map<String, String> form, String authorization) {
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.baseUrl + pathOrUrl);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (this.forwardedFor != null) {
			request.header("X-Forwarded-For", this.forwardedFor);
		}
		return Exchanges.send(this.http, request.build());
	}

	/** A PKCE verifier and its S256 challenge (RFC 7636). */
	/**
	 * An account a test signed up.
	 *
	 * @param email its unique e-mail address
	 * @param id its id, the {@code sub} of its tokens
	 */
	public record NewAccount(String email, String id) {

	}

	public record Pkce(String verifier, String challenge) {

		public static Pkce generate() {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			return new Pkce(verifier, challengeOf(verifier));
		}

		static String challengeOf(String verifier) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(verifier.getBytes(StandardCharsets.US_ASCII));
				return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
