package io.meshgate.member.profile;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
		return problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
				"Send If-Match with the ETag of the profile you read, so that no change is overwritten unseen.");
	}

	/** 412: the profile changed since the client read it (or does not exist yet). */
	static ErrorResponseException profileChanged() {
		return problem(HttpStatus.PRECONDITION_FAILED, "profile-changed", "Profile changed",
				"The profile is no longer at the version in If-Match: read it again and reapply the change.");
	}

	/**
	 * 403: a valid token whose subject is not an account, such as a service's
	 * client-credentials token.
	 */
	static ErrorResponseException notAMember() {
		return problem(HttpStatus.FORBIDDEN, "not-a-member", "Not a member",
				"The token does not name a member account.");
	}

	private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://meshgate.io/problems/" + type));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
