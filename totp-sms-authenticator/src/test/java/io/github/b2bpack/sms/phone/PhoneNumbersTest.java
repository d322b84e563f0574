package io.github.b2bpack.sms.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void nationalNumberWithDefaultRegionBecomesE164() {
        assertEquals(
                "+33612345678",
                PhoneNumbers.check("06 12 34 56 78", "FR", Set.of(), false).e164());
        assertEquals(
                "+33612345678",
                PhoneNumbers.check("+33 6 12 34 56 78", null, Set.of(), false).e164());
        assertEquals(
                "+4915112345678",
                PhoneNumbers.check("+49 151 12345678", "FR", Set.of(), false).e164());
    }

    @Test
    void invalidInputIsRefusedWithAMessageKey() {
        for (String bad : new String[] {null, "", "   ", "hello", "+33 1", "0612345678", "+".repeat(500)}) {
            assertEquals(
                    PhoneNumbers.INVALID,
                    PhoneNumbers.check(bad, null, Set.of(), false).errorKey(),
                    String.valueOf(bad));
        }
    }

    @Test
    void premiumRateAndTollFreeNumbersAreRefused() {
        assertEquals(
                PhoneNumbers.TYPE_NOT_ALLOWED,
                PhoneNumbers.check("+33 8 99 23 45 67", null, Set.of(), false).errorKey());
        assertEquals(
                PhoneNumbers.TYPE_NOT_ALLOWED,
                PhoneNumbers.check("+33 8 00 12 34 56", null, Set.of(), false).errorKey());
        assertEquals(
                PhoneNumbers.TYPE_NOT_ALLOWED,
                PhoneNumbers.check("+1 900 555 0123", null, Set.of(), false).errorKey());
    }

    @Test
    void voipNumbersAreRefusedUnlessTheRealmAllowsThem() {
        assertEquals(
                PhoneNumbers.VOIP_NOT_ALLOWED,
                PhoneNumbers.check("+33 9 12 34 56 78", null, Set.of(), false).errorKey());
        assertEquals(
                PhoneNumbers.VOIP_NOT_ALLOWED,
                PhoneNumbers.check("+44 56 1234 5678", null, Set.of(), false).errorKey());
        assertEquals(
                "+33912345678",
                PhoneNumbers.check("+33 9 12 34 56 78", null, Set.of(), true).e164());
        assertEquals(
                PhoneNumbers.TYPE_NOT_ALLOWED,
                PhoneNumbers.check("+33 8 99 23 45 67", null, Set.of(), true).errorKey(),
                "allowing VoIP allows nothing else");
    }

    @Test
    void storedNumbersAreCheckedAgainstTodaysRules() {
        assertEquals(
                PhoneNumbers.TYPE_NOT_ALLOWED,
                PhoneNumbers.recheck("+33899234567", Set.of(), true).errorKey());
        assertEquals(
                PhoneNumbers.VOIP_NOT_ALLOWED,
                PhoneNumbers.recheck("+33912345678", Set.of(), false).errorKey());
        assertEquals(
                PhoneNumbers.COUNTRY_NOT_ALLOWED,
                PhoneNumbers.recheck("+4915123456789", Set.of("FR"), false).errorKey());
        assertEquals(
                PhoneNumbers.INVALID,
                PhoneNumbers.recheck(null, Set.of(), false).errorKey());
        assertEquals(
                "+33612345678",
                PhoneNumbers.recheck("+33612345678", Set.of("FR"), false).e164());
    }

    @Test
    void allowListRestrictsCountries() {
        assertEquals(
                PhoneNumbers.COUNTRY_NOT_ALLOWED,
                PhoneNumbers.check("+49 151 12345678", null, Set.of("FR"), false)
                        .errorKey());
        assertEquals(
                "+33612345678",
                PhoneNumbers.check("+33612345678", null, Set.of("FR"), false).e164());
    }

    @Test
    void maskKeepsCountryCodeAndLastTwoDigits() {
        assertEquals("+33*******78", PhoneNumbers.mask("+33612345678"));
        assertEquals("+1********67", PhoneNumbers.mask("+12025550167"));
        assertEquals("******", PhoneNumbers.mask(null));
    }
}
