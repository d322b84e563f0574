package io.github.b2bpack.sms.sender.log;

/**
 * Whether the {@code log} sender may run: it writes codes to the server log, which in production is
 * read by more people than the users the codes belong to. Always in development mode
 * ({@code start-dev}); in production only when the operator says so explicitly.
 */
public final class LogSenderPolicy {

    public static final String ENABLED_IN_PRODUCTION = "enabled-in-production";

    private LogSenderPolicy() {}

    public static boolean allowed(boolean devMode, boolean enabledInProduction) {
        return devMode || enabledInProduction;
    }
}
