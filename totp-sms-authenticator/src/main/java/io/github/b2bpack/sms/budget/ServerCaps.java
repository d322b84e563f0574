package io.github.b2bpack.sms.budget;

import io.github.b2bpack.sms.option.OptionBounds;

/**
 * Server-wide caps against SMS pumping, set as SPI options of {@code sms-otp-form}
 * ({@code --spi-authenticator--sms-otp-form--<option>}): per destination number per hour (across
 * realms: toll fraud is billed per destination), per realm per day, and for the whole server per hour.
 * A number has two separate hourly budgets: login codes (sent to a verified number) and enrollment
 * codes (sent to any number a user types). If they shared one, any user with an enrollment pending
 * could type a victim's number and spend its budget, and the victim would get no login code.
 */
public record ServerCaps(int perNumberPerHour, int perEnrollNumberPerHour, int perRealmPerDay, int perServerPerHour) {

    public static final String PER_NUMBER_OPTION = "max-sends-per-number-per-hour";
    public static final String PER_ENROLL_NUMBER_OPTION = "max-enrollment-sends-per-number-per-hour";
    public static final String PER_REALM_OPTION = "max-sends-per-realm-per-day";
    public static final String PER_SERVER_OPTION = "max-sends-per-server-per-hour";

    public static final ServerCaps DEFAULTS = new ServerCaps(5, 3, 1000, 5000);

    public static final long HOUR = 3600;
    public static final long DAY = 86_400;

    public ServerCaps {
        check(PER_NUMBER_OPTION, perNumberPerHour);
        check(PER_ENROLL_NUMBER_OPTION, perEnrollNumberPerHour);
        check(PER_REALM_OPTION, perRealmPerDay);
        check(PER_SERVER_OPTION, perServerPerHour);
    }

    /**
     * The per-number budget a send spends, keyed by the number's digest and the purpose: enrollment
     * sends never take a slot of the number's login budget, nor the reverse. Both caps are named
     * "number": the user is told the same.
     */
    public Budgets.Request perNumber(String phoneDigest, boolean enrollment) {
        return enrollment
                ? new Budgets.Request(
                        "b2bpack-sms:budget:number:enroll:" + phoneDigest,
                        new Cap("number", perEnrollNumberPerHour, HOUR))
                : new Budgets.Request(
                        "b2bpack-sms:budget:number:login:" + phoneDigest, new Cap("number", perNumberPerHour, HOUR));
    }

    public Cap perRealm() {
        return new Cap("realm", perRealmPerDay, DAY);
    }

    public Cap perServer() {
        return new Cap("server", perServerPerHour, HOUR);
    }

    private static void check(String option, int value) {
        OptionBounds.requireBetween(option, value, 1, 10_000_000);
    }
}
