package io.meshgate.auth.account;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
class AccountController {

	private final AccountService accountService;

	AccountController(AccountService accountService) {
		this.accountService = accountService;
	}

	@PostMapping
	ResponseEntity<AccountResponse> signUp(@Valid @RequestBody SignUpRequest request) {
		Account account = this.accountService.signUp(request.email(), request.password(), request.displayName());
		return ResponseEntity.created(URI.create("/api/accounts/" + account.id())).body(AccountResponse.of(account));
	}

}
