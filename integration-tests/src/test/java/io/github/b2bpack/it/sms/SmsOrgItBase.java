package io.github.b2bpack.it.sms;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;

/**
 * What an SMS IT on organization realms needs: the admin client, and every organization realm a test makes with
 * {@link #org} deleted after it. The test framework injects into the inherited field.
 */
abstract class SmsOrgItBase {

    @InjectAdminClient
    Keycloak admin;

    private final List<SmsOrgRealm> orgs = new ArrayList<>();

    @AfterEach
    void deleteOrganizations() {
        orgs.forEach(SmsOrgRealm::delete);
        orgs.clear();
    }

    /** An organization realm from the pack's template (see {@link SmsOrgRealm#create}), deleted after the test. */
    SmsOrgRealm org(String displayName) {
        SmsOrgRealm realm = SmsOrgRealm.create(admin, displayName);
        orgs.add(realm);
        return realm;
    }
}
