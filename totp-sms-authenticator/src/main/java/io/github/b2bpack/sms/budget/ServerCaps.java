package io.github.b2bpack.sms.budget;

/**
 * Server-wide caps against SMS pumping, set as SPI options of {@code sms-otp-form}
 * ({@code --spi-authenticator--sms-otp-form--<option>}): per destination number per hour (across
 * realms: toll fraud is billed per destination), per realm per day, and for the whole server per hour.
 */
public record ServerCaps(int perNumberPerHour, int perRealmPerDay, int perServerPerHour) {

    public static final String PER_NUMBER_OPTION = "max-sends-per-number-per-hour";
    public static final String PER_REALM_OPTION = "max-sends-per-realm-per-day";
    public static final String PER_SERVER_OPTION = "max-sends-per-server-per-hour";

    public static final ServerCaps DEFAULTS = new ServerCaps(5, 1000, 5000);

    public static final long HOUR = 3600;
    public static final long DAY = 86_400;

    public ServerCaps {
        check(PER_NUMBER_OPTION, perNumberPerHour);
        check(PER_REALM_OPTION, perRealmPerDay);
        check(PER_SERVER_OPTION, perServerPerHour);
    }

    public Cap perNumber() {
        return new Cap("number", perNumberPerHour, HOUR);
    }

    public Cap perRealm() {
        return new Cap("realm", perRealmPerDay, DAY);
    }

    public Cap perServer() {
        return new Cap("server", perServerPerHour, HOUR);
    }

    private static void check(String option, int value) {
        if (value < 1 || value > 10_000_000) {
            throw new IllegalArgumentException(option + " must be between 1 and 10000000");
        }
    }
}
