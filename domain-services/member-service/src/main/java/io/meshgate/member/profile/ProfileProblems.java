package io.meshgate.member.profile;

import io.meshgate.service.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of the profile API; service-support's handler turns them into problem
 * details with {@code instance} and {@code traceId}.
 */
final class ProfileProblems {

	private ProfileProblems() {
	}

	/** 428: a {@code PUT} without {@code If-Match} could overwrite a change unseen. */
	static ErrorResponseException ifMatchRequired() {
		return Problems.of(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
				"Send If-Match with the ETag of the profile you read, so that no change is overwritten unseen.");
	}

	/** 412: the profile changed since the client read it (or does not exist yet). */
	static ErrorResponseException profileChanged() {
		return Problems.of(HttpStatus.PRECONDITION_FAILED, "profile-changed", "Profile changed",
				"The profile is no longer at the version in If-Match: read it again and reapply the change.");
	}

}
