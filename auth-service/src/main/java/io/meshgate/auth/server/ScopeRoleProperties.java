package io.meshgate.auth.server;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Scopes a person is granted only while their account holds a role, e.g.
 * {@code products.write: CATALOG_EDITOR}. A scope not listed here is granted to anyone
 * whose client may request it.
 *
 * @param scopeRoles privileged scope to the role it needs; application.yaml holds the
 * default, and maps merge across property sources, so other configuration can change the
 * role a scope needs but not drop the scope
 */
@Validated
@ConfigurationProperties("meshgate.authorization")
record ScopeRoleProperties(@NotNull Map<@NotBlank String, @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]*",
		message = "must be a role name in upper case, such as CATALOG_EDITOR") String> scopeRoles) {

}
