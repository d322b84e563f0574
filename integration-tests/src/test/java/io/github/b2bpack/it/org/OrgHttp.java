package io.github.b2bpack.it.org;

import io.github.b2bpack.it.support.BearerHttp;
import java.time.Duration;
import java.util.function.Supplier;

/** Plain HTTP calls to the organization API, with whatever bearer token (or none) a test hands it. */
final class OrgHttp extends BearerHttp {

    static final String SERVER = io.github.b2bpack.it.TestServer.BASE_URL;
    static final String ORGS = SERVER + "/admin/realms/master/orgs";

    /** @param token null, or a supplier that may give null, for calls without a token */
    OrgHttp(Supplier<String> token) {
        super(ORGS, token, Duration.ofSeconds(60), "Accept", "application/json");
    }
}
