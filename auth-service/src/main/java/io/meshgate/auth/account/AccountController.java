package io.meshgate.auth.account;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
class AccountController {

	private final AccountService accountService;

	private final AccountRepository accounts;

	AccountController(AccountService accountService, AccountRepository accounts) {
		this.accountService = accountService;
		this.accounts = accounts;
	}

	@PostMapping
	ResponseEntity<AccountResponse> signUp(@Valid @RequestBody SignUpRequest request) {
		Account account = this.accountService.signUp(request.email(), request.password(), request.displayName());
		return ResponseEntity.created(URI.create("/api/accounts/" + account.id())).body(AccountResponse.of(account));
	}

	/**
	 * An account as its owner (or an administrator) sees it. Others get 404, not 403, so
	 * ids cannot be probed for existence.
	 */
	@GetMapping("/{id}")
	ResponseEntity<AccountResponse> get(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
		boolean allowed = id.toString().equals(token.getSubject()) || hasRole(token, "ADMIN");
		return this.accounts.findById(id)
			.filter((account) -> allowed)
			.map((account) -> ResponseEntity.ok(AccountResponse.of(account)))
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
	}

	private static boolean hasRole(Jwt token, String role) {
		List<String> roles = token.getClaimAsStringList("roles");
		return roles != null && roles.contains(role);
	}

}
