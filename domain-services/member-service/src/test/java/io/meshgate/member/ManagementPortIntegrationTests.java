package io.meshgate.member;

import io.meshgate.member.support.MemberServiceIntegrationTest;
import io.meshgate.service.testsupport.ManagementPortContract;

/**
 * Probes and metrics answer without a token on the management port, which nothing routes
 * to from outside; the application port does not serve them.
 */
class ManagementPortIntegrationTests extends MemberServiceIntegrationTest implements ManagementPortContract {

}
