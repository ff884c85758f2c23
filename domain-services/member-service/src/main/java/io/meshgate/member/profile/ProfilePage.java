package io.meshgate.member.profile;

import java.util.List;

/**
 * One page of the admin listing.
 *
 * @param items the profiles on this page, oldest first
 * @param page the zero-based page number
 * @param size the requested page size
 * @param totalElements how many profiles there are
 * @param totalPages how many pages of this size there are
 */
record ProfilePage(List<ProfileResponse> items, int page, int size, long totalElements, long totalPages) {

	static ProfilePage of(List<MemberProfile> profiles, int page, int size, long totalElements) {
		return new ProfilePage(profiles.stream().map(ProfileResponse::of).toList(), page, size, totalElements,
				(totalElements + size - 1) / size);
	}

}
