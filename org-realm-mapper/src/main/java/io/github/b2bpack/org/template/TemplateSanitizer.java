package io.github.b2bpack.org.template;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;

/**
 * Drops the parts of a realm template that name providers this server does not have, so a template
 * written for the whole pack still imports when a module is missing. Each dropped part is reported
 * so the caller can log it; nothing here fails.
 */
public final class TemplateSanitizer {

    private static final Pattern POLICY_TERM = Pattern.compile("\\s*([^\\s(]+)\\s*(?:\\((.*)\\))?\\s*");

    private final ProviderCatalog catalog;

    public TemplateSanitizer(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    /** Removes unsatisfiable parts in place and returns a description of each. */
    public List<String> sanitize(RealmRepresentation rep) {
        List<String> skipped = new ArrayList<>();
        sanitizePasswordPolicy(rep, skipped);
        sanitizeEventListeners(rep, skipped);
        sanitizeFlows(rep, skipped);
        sanitizeRequiredActions(rep, skipped);
        return skipped;
    }

    private void sanitizePasswordPolicy(RealmRepresentation rep, List<String> skipped) {
        String policy = rep.getPasswordPolicy();
        if (policy == null || policy.isBlank()) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String term : policy.split("\\s+and\\s+")) {
            Matcher m = POLICY_TERM.matcher(term);
            if (!m.matches()) {
                skipped.add("password policy term '" + term.trim() + "' (unreadable)");
                continue;
            }
            String id = m.group(1);
            String arg = m.group(2);
            if (!catalog.passwordPolicy(id)) {
                skipped.add("password policy '" + id + "' (provider not installed)");
            } else if (id.equals("hashAlgorithm") && arg != null && !catalog.passwordHash(arg.trim())) {
                skipped.add("password hash algorithm '" + arg.trim() + "' (provider not installed)");
            } else {
                kept.add(term.trim());
            }
        }
        rep.setPasswordPolicy(String.join(" and ", kept));
    }

    private void sanitizeEventListeners(RealmRepresentation rep, List<String> skipped) {
        if (rep.getEventsListeners() == null) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String listener : rep.getEventsListeners()) {
            if (catalog.eventListener(listener)) {
                kept.add(listener);
            } else {
                skipped.add("event listener '" + listener + "' (provider not installed)");
            }
        }
        rep.setEventsListeners(kept);
    }

    private void sanitizeFlows(RealmRepresentation rep, List<String> skipped) {
        if (rep.getAuthenticationFlows() == null) {
            return;
        }
        for (AuthenticationFlowRepresentation flow : rep.getAuthenticationFlows()) {
            if (flow.getAuthenticationExecutions() == null) {
                continue;
            }
            Iterator<AuthenticationExecutionExportRepresentation> it =
                    flow.getAuthenticationExecutions().iterator();
            while (it.hasNext()) {
                AuthenticationExecutionExportRepresentation execution = it.next();
                String authenticator = execution.getAuthenticator();
                if (!execution.isAuthenticatorFlow()
                        && authenticator != null
                        && !catalog.authenticator(authenticator)) {
                    skipped.add("authenticator '" + authenticator + "' in flow '" + flow.getAlias()
                            + "' (provider not installed)");
                    it.remove();
                }
            }
        }
    }

    private void sanitizeRequiredActions(RealmRepresentation rep, List<String> skipped) {
        if (rep.getRequiredActions() == null) {
            return;
        }
        Iterator<RequiredActionProviderRepresentation> it =
                rep.getRequiredActions().iterator();
        while (it.hasNext()) {
            RequiredActionProviderRepresentation action = it.next();
            if (!catalog.requiredAction(action.getProviderId())) {
                skipped.add("required action '" + action.getAlias() + "' (provider not installed)");
                it.remove();
            }
        }
    }
}
