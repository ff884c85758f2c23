package io.meshgate.auth.server;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The OAuth clients this server knows. {@code web-app} and {@code meshgate-cli} are
 * public clients (authorization code + PKCE); services authenticate with a secret and use
 * {@code client_credentials}.
 */
@Validated
@ConfigurationProperties("meshgate.clients")
public record ClientProperties(@NotNull @Valid PublicClient webApp, @NotNull @Valid PublicClient cli,
		@NotNull @Valid List<ServiceClient> services) {

	/** The public clients' ids; only they are issued refresh tokens. */
	public static final String WEB_APP_ID = "web-app";

	public static final String CLI_ID = "meshgate-cli";

	public static final Set<String> PUBLIC_CLIENT_IDS = Set.of(WEB_APP_ID, CLI_ID);

	public record PublicClient(@NotNull List<String> redirectUris, List<String> postLogoutRedirectUris) {

		public PublicClient {
			postLogoutRedirectUris = (postLogoutRedirectUris != null) ? postLogoutRedirectUris : List.of();
		}

	}

	/**
	 * @param secret comes from a Secret; stored only as a hash
	 */
	public record ServiceClient(@NotBlank String clientId, @NotBlank @Size(min = 24) String secret,
			@NotNull Set<String> scopes) {

		@Override
		public String toString() {
			return "ServiceClient[clientId=" + this.clientId + ", scopes=" + this.scopes + "]";
		}

	}

}
