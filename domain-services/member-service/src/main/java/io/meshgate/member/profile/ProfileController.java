package io.meshgate.member.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.meshgate.service.support.etag.EntityTags;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member API behind the gateway's {@code /api/members/**} (prefix stripped): the
 * caller's profile at {@code /me}, the listing of all profiles at {@code /} for
 * administrators ({@link ProfileAuthorizationConfig}).
 */
@RestController
class ProfileController {

	private final MemberProfiles profiles;

	ProfileController(MemberProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/me")
	ResponseEntity<ProfileResponse> me(@AuthenticationPrincipal Jwt token) {
		return withEntityTag(this.profiles.current(token));
	}

	/**
	 * If-Match is optional to binding so that its absence answers 428 (checked by
	 * {@link MemberProfiles}), not a generic 400.
	 */
	@PutMapping("/me")
	ResponseEntity<ProfileResponse> change(@AuthenticationPrincipal Jwt token,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ProfileChange change) {
		return withEntityTag(this.profiles.change(token, ifMatch, change));
	}

	@GetMapping("/")
	ProfilePage list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.profiles.page(page, size);
	}

	private static ResponseEntity<ProfileResponse> withEntityTag(MemberProfile profile) {
		return ResponseEntity.ok().eTag(EntityTags.of(profile.version())).body(ProfileResponse.of(profile));
	}

}
