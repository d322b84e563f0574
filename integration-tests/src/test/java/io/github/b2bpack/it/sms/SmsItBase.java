package io.github.b2bpack.it.sms;

import io.github.b2bpack.testsupport.FakePorts;
import io.github.b2bpack.testsupport.FakeSmsGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * What every SMS IT class with a browser needs: the fake gateway for the class, a browser per test, and the
 * realms a test creates removed after it (organization realms through {@link SmsOrgItBase}). The test framework
 * injects into these inherited fields.
 */
abstract class SmsItBase extends SmsOrgItBase {

    static FakeSmsGateway gateway;

    @InjectWebDriver
    ManagedWebDriver driver;

    SmsBrowser browser;

    private final List<String> realms = new ArrayList<>();

    @BeforeAll
    static void startGateway() {
        gateway = new FakeSmsGateway(
                FakePorts.SMS_GATEWAY, SmsTestRealm.TWILIO_SID, SmsTestRealm.TWILIO_TOKEN, SmsTestRealm.HTTP_SECRET);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = new SmsBrowser(driver);
        gateway.clear();
    }

    @AfterEach
    void dropRealms() {
        realms.forEach(r -> admin.realm(r).remove());
        realms.clear();
    }

    /** A realm set up for SMS (see {@link SmsTestRealm#create}), removed after the test. */
    SmsTestRealm realm(String name, Map<String, String> config, int bruteForceFailures) {
        realms.add(name);
        return SmsTestRealm.create(admin, name, config, bruteForceFailures);
    }

    /** A realm of both methods (see {@link SmsTestRealm#create(org.keycloak.admin.client.Keycloak, String, Map, int, String, String, String)}), removed after the test. */
    SmsTestRealm realm(
            String name,
            Map<String, String> config,
            int bruteForceFailures,
            String methods,
            String requiredAction,
            String otpSecret) {
        realms.add(name);
        return SmsTestRealm.create(admin, name, config, bruteForceFailures, methods, requiredAction, otpSecret);
    }
}
