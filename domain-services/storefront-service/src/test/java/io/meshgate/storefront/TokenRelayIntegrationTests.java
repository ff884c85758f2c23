package io.meshgate.storefront;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.meshgate.service.testsupport.TestTokens;
import io.meshgate.storefront.support.Catalog;
import io.meshgate.storefront.support.StorefrontIntegrationTest;
import io.meshgate.storefront.support.UpstreamStandIn;
import io.meshgate.storefront.support.UpstreamStandIn.Request;
import org.junit.jupiter.api.Test;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /graphql} is public; a caller's token, when sent, reaches every upstream
 * unchanged, and an invalid one is refused before anything runs.
 */
class TokenRelayIntegrationTests extends StorefrontIntegrationTest {

	private static final String EVERYTHING = "{ products { items { reviews { reviewer { displayName } } } } }";

	@Test
	void callerTokenIsRelayedToEveryUpstream() {
		serve(Catalog.of(2, 2, 2));
		String token = TestTokens.valid().sign();

		HttpResponse<String> response = query(EVERYTHING, token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(upstreamCalls()).containsExactly(1, 1, 1);
		for (UpstreamStandIn upstream : new UpstreamStandIn[] { productService, reviewService, memberService }) {
			assertThat(upstream.requests()).extracting(Request::authorization).containsOnly("Bearer " + token);
		}
	}

	@Test
	void anonymousQueryIsAnsweredAndSendsNoAuthorizationUpstream() {
		serve(Catalog.of(2, 2, 2));

		HttpResponse<String> response = query(EVERYTHING);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).has("errors")).isFalse();
		assertThat(upstreamCalls()).containsExactly(1, 1, 1);
		assertThat(reviewService.requests()).extracting(Request::authorization).containsOnlyNulls();
		assertThat(productService.requests()).extracting(Request::authorization).containsOnlyNulls();
		assertThat(memberService.requests()).extracting(Request::authorization).containsOnlyNulls();
	}

	@Test
	void credentialsOtherThanABearerTokenAreNeverRelayed() {
		serve(Catalog.of(2, 2, 2));

		HttpResponse<String> response = queryWithAuthorization(EVERYTHING, "Basic c3RvcmVmcm9udDpzZWNyZXQ=");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(upstreamCalls()).containsExactly(1, 1, 1);
		assertThat(productService.requests()).extracting(Request::authorization).containsOnlyNulls();
		assertThat(reviewService.requests()).extracting(Request::authorization).containsOnlyNulls();
		assertThat(memberService.requests()).extracting(Request::authorization).containsOnlyNulls();
	}

	@Test
	void expiredTokenIsUnauthorizedBeforeAnyUpstreamCall() {
		serve(Catalog.of(2, 2, 2));

		HttpResponse<String> response = query(EVERYTHING,
				TestTokens.valid().expiredSince(Duration.ofMinutes(5)).sign());

		assertProblem(response, 401, "/graphql");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		assertThat(upstreamCalls()).containsExactly(0, 0, 0);
	}

	@Test
	void tokenForAnotherAudienceIsUnauthorized() {
		HttpResponse<String> response = query(EVERYTHING, TestTokens.valid().audience("other-api").sign());

		assertProblem(response, 401, "/graphql");
		assertThat(upstreamCalls()).containsExactly(0, 0, 0);
	}

}
