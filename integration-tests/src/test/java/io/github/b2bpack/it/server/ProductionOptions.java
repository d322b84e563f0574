package io.github.b2bpack.it.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The framework's {@code start-dev} command line split the way production needs it: build-time options go to
 * {@code kc.sh build}, the rest to {@code kc.sh start --optimized}. The build-time names are those
 * {@code kc.sh build --help-all} lists for 26.7.3. The framework's {@code --cache=local} becomes
 * {@code --cache=ispn}, production's default, so the pack's cluster-wide stores run on Infinispan.
 */
record ProductionOptions(List<String> build, List<String> runtime) {

    private static final Set<String> BUILD_TIME = Set.of(
            "db",
            "db-driver",
            "transaction-xa-enabled",
            "features",
            "features-disabled",
            "http-relative-path",
            "https-client-auth",
            "health-enabled",
            "http-management-health-enabled",
            "http-management-relative-path",
            "https-management-client-auth",
            "legacy-observability-interface",
            "metrics-enabled",
            "vault",
            "log-mdc-enabled",
            "telemetry-logs-enabled",
            "telemetry-metrics-enabled",
            "tracing-enabled",
            "tracing-jdbc-enabled",
            "tracing-sampler-type",
            "event-metrics-user-enabled",
            "fips-mode",
            "openapi-enabled",
            "openapi-ui-enabled");
    private static final List<String> BUILD_TIME_PREFIXES =
            List.of("db-kind-", "db-driver-", "transaction-xa-enabled-", "feature-");

    static ProductionOptions split(List<String> devArgs) {
        List<String> build = new ArrayList<>();
        List<String> runtime = new ArrayList<>();
        for (String arg : devArgs) {
            if (!arg.startsWith("--")) {
                continue; // the start-dev command itself
            }
            String name = arg.substring(2).split("=", 2)[0];
            if (name.equals("cache")) {
                runtime.add("--cache=ispn");
            } else if (BUILD_TIME.contains(name) || BUILD_TIME_PREFIXES.stream().anyMatch(name::startsWith)) {
                build.add(arg);
            } else {
                runtime.add(arg);
            }
        }
        return new ProductionOptions(List.copyOf(build), List.copyOf(runtime));
    }
}
