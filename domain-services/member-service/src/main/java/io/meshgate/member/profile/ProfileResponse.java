package io.meshgate.member.profile;

import java.time.Instant;
import java.util.UUID;

/**
 * A profile as clients see it; its version travels as the ETag, not in the body.
 */
record ProfileResponse(UUID id, String displayName, String email, String bio, String locale, Instant createdAt,
		Instant updatedAt) {

	static ProfileResponse of(MemberProfile profile) {
		return new ProfileResponse(profile.id(), profile.displayName(), profile.email(), profile.bio(),
				profile.locale(), profile.createdAt(), profile.updatedAt());
	}

}
