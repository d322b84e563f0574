package io.github.b2bpack.sms.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Set;

/**
 * Phone number rules on top of libphonenumber: parse with a default region, normalise to E.164,
 * refuse numbers that cost money to text or cannot receive one (premium rate, shared cost, toll
 * free, pagers), VoIP numbers unless allowed and, when an allow-list is set, numbers of other countries.
 */
public final class PhoneNumbers {

    public static final String INVALID = "b2bpackSmsPhoneInvalid";
    public static final String COUNTRY_NOT_ALLOWED = "b2bpackSmsPhoneCountryNotAllowed";
    public static final String TYPE_NOT_ALLOWED = "b2bpackSmsPhoneTypeNotAllowed";
    public static final String VOIP_NOT_ALLOWED = "b2bpackSmsPhoneVoipNotAllowed";

    private static final int MAX_INPUT = 64;
    private static final Set<PhoneNumberType> REFUSED_TYPES = Set.of(
            PhoneNumberType.PREMIUM_RATE,
            PhoneNumberType.SHARED_COST,
            PhoneNumberType.TOLL_FREE,
            PhoneNumberType.PAGER,
            PhoneNumberType.UAN,
            PhoneNumberType.VOICEMAIL);

    private PhoneNumbers() {}

    /**
     * The same rules for a number already stored (E.164), before every SMS: a credential imported or
     * written by an admin, or enrolled under older rules, obeys today's rules.
     */
    public static PhoneCheck recheck(String e164, Set<String> allowedRegions, boolean allowVoip) {
        return check(e164, null, allowedRegions, allowVoip);
    }

    /**
     * @param defaultRegion ISO 3166 region for numbers typed without a country code (may be null)
     * @param allowedRegions upper-case ISO regions; empty means every region
     * @param allowVoip whether VoIP numbers (cheap to obtain in bulk, a favourite of SMS pumping) may receive codes
     */
    public static PhoneCheck check(String raw, String defaultRegion, Set<String> allowedRegions, boolean allowVoip) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return PhoneCheck.refused(INVALID);
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumber number;
        try {
            number = util.parse(raw.trim(), defaultRegion == null ? null : defaultRegion.toUpperCase(Locale.ROOT));
        } catch (NumberParseException e) {
            return PhoneCheck.refused(INVALID);
        }
        if (!util.isValidNumber(number)) {
            return PhoneCheck.refused(INVALID);
        }
        String region = util.getRegionCodeForNumber(number);
        if (!allowedRegions.isEmpty() && (region == null || !allowedRegions.contains(region))) {
            return PhoneCheck.refused(COUNTRY_NOT_ALLOWED);
        }
        PhoneNumberType type = util.getNumberType(number);
        if (REFUSED_TYPES.contains(type)) {
            return PhoneCheck.refused(TYPE_NOT_ALLOWED);
        }
        if (type == PhoneNumberType.VOIP && !allowVoip) {
            return PhoneCheck.refused(VOIP_NOT_ALLOWED);
        }
        return PhoneCheck.accepted(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /** {@code +33612345678} → {@code +33******78}: country code and last 2 digits only. */
    public static String mask(String e164) {
        if (e164 == null || e164.length() < 5) {
            return "******";
        }
        int countryDigits = countryCodeLength(e164);
        String head = e164.substring(0, 1 + countryDigits);
        String tail = e164.substring(e164.length() - 2);
        return head + "*".repeat(Math.max(2, e164.length() - head.length() - 2)) + tail;
    }

    private static int countryCodeLength(String e164) {
        try {
            PhoneNumber n = PhoneNumberUtil.getInstance().parse(e164, null);
            return Integer.toString(n.getCountryCode()).length();
        } catch (NumberParseException e) {
            return 1;
        }
    }
}
