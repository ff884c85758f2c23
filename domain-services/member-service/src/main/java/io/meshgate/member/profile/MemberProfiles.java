package io.meshgate.member.profile;

import java.util.OptionalLong;
import java.util.UUID;

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
		UUID id = memberId(token);
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
		if (ifMatch == null || ifMatch.isBlank()) {
			throw ProfileProblems.ifMatchRequired();
		}
		UUID id = memberId(token);
		OptionalLong version = ifMatch.strip().equals("*")
				? this.repository.findById(id).stream().mapToLong(MemberProfile::version).findFirst()
				: ProfileVersion.fromIfMatch(ifMatch);
		if (version.isEmpty()) {
			throw ProfileProblems.profileChanged();
		}
		return this.repository.update(id, version.getAsLong(), change).orElseThrow(ProfileProblems::profileChanged);
	}

	/** One page of all profiles, oldest first, for the admin listing. */
	ProfilePage page(int page, int size) {
		return ProfilePage.of(this.repository.findPage(page, size), page, size, this.repository.count());
	}

	private static UUID memberId(Jwt token) {
		String subject = token.getSubject();
		if (subject == null) {
			throw ProfileProblems.notAMember();
		}
		try {
			return UUID.fromString(subject);
		}
		catch (IllegalArgumentException ex) {
			throw ProfileProblems.notAMember();
		}
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
