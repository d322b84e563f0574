package io.github.b2bpack.it.hibp;

import io.github.b2bpack.it.ServerLog;
import io.github.b2bpack.it.support.BrowserItBase;
import io.github.b2bpack.testsupport.FakeHibpRangeApi;
import io.github.b2bpack.testsupport.FakePorts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;

/**
 * What every HIBP IT class needs: the fake range API for the class (reset before each test), the browser
 * pages (the login page's from {@link BrowserItBase}), and, once the class is done, the check that no password
 * a test used reached the server log. The test framework injects into these inherited fields.
 */
abstract class HibpItBase extends BrowserItBase {

    /** Server option time-budget-millis in server-options/hibp-policy.properties. */
    static final long BUDGET_MILLIS = 1000;
    /** Every password a test typed or sent; none may appear in the server log. */
    static final List<String> USED_PASSWORDS = new ArrayList<>();

    static FakeHibpRangeApi fake;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    @BeforeAll
    static void startFake() {
        fake = new FakeHibpRangeApi(FakePorts.HIBP_RANGE_API);
    }

    @AfterAll
    static void stopFake() throws Exception {
        fake.close();
        // In -Pdocker mode the log is in the container; an assumption here would abort the whole class.
        if (!ServerLog.isRemote()) {
            HibpRealms.assertLogHoldsNoSecret(USED_PASSWORDS);
        }
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }
}
