package io.meshgate.member.profile;

import java.util.UUID;

import io.meshgate.service.support.etag.EntityTags;
import io.meshgate.service.support.etag.EntityTags.IfMatch;
import io.meshgate.service.support.security.MemberTokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/**
 * Member profiles: the caller's own, created from the token on first sight and changed
 * only at the version the caller read; and the listing of all of them.
 */
@Service
class MemberProfiles {

	private final ProfileRepository repository;

	MemberProfiles(ProfileRepository repository) {
		this.repository = repository;
	}

	/**
	 * The caller's profile, created on the first call from what the token says about
	 * them: there is no sign-up step in this service.
	 */
	MemberProfile current(Jwt token) {
		UUID id = MemberTokens.memberId(token);
		return this.repository.findById(id)
			.orElseGet(() -> this.repository.createIfAbsent(id, orEmpty(token.getClaimAsString("name")),
					token.getClaimAsString("email")));
	}

	/**
	 * Applies the change if {@code ifMatch} names the stored version; {@code *} matches
	 * whatever version is stored (RFC 9110), though a change racing in between still
	 * fails.
	 */
	MemberProfile change(Jwt token, String ifMatch, ProfileChange change) {
		IfMatch condition = EntityTags.ifMatch(ifMatch).orElseThrow(ProfileProblems::ifMatchRequired);
		UUID id = MemberTokens.memberId(token);
		long version = condition.anyVersion() ? storedVersion(id) : condition.version();
		return this.repository.update(id, version, change).orElseThrow(ProfileProblems::profileChanged);
	}

	/** One page of all profiles, oldest first, for the admin listing. */
	ProfilePage page(int page, int size) {
		return ProfilePage.of(this.repository.findPage(page, size), page, size, this.repository.count());
	}

	/** {@code *} fails like a stale version when there is no profile yet (RFC 9110). */
	private long storedVersion(UUID id) {
		return this.repository.findById(id).map(MemberProfile::version).orElseThrow(ProfileProblems::profileChanged);
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
