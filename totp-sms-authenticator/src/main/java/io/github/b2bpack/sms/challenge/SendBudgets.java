package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.authenticator.SmsOtpAuthenticatorFactory;
import io.github.b2bpack.sms.budget.Budgets;
import io.github.b2bpack.sms.budget.Cap;
import io.github.b2bpack.sms.budget.ClientAddress;
import io.github.b2bpack.sms.budget.ServerCaps;
import io.github.b2bpack.sms.code.CodePolicy;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;

/**
 * The caps one SMS must fit in, as store keys: per user and per IP (realm configuration), per
 * destination number, per realm and for the server (SPI options of {@code sms-otp-form}). Narrowest
 * first, so a user at their cap never takes a slot of the realm's or the server's budget. IPv6 clients
 * count by their /64 ({@link ClientAddress}). The number is
 * keyed by its digest across realms: toll fraud is billed per destination, whichever realm sends; and
 * by purpose, so enrollment codes to a typed number cannot exhaust its login budget
 * ({@link ServerCaps#perNumber(String, boolean)}).
 */
final class SendBudgets {

    private SendBudgets() {
    }

    static List<Budgets.Request> requests(KeycloakSession session, RealmModel realm, UserModel user, CodePolicy policy,
                                          boolean enrollment, String phoneDigest, String ip) {
        ServerCaps server = serverCaps(session);
        return List.of(
                new Budgets.Request("b2bpack-sms:budget:user:" + realm.getId() + ":" + user.getId(),
                        new Cap("user", policy.maxSendsPerUserPerHour(), ServerCaps.HOUR)),
                server.perNumber(phoneDigest, enrollment),
                new Budgets.Request("b2bpack-sms:budget:ip:" + realm.getId() + ":" + ClientAddress.budgetSubject(ip),
                        new Cap("ip", policy.maxSendsPerIpPerHour(), ServerCaps.HOUR)),
                new Budgets.Request("b2bpack-sms:budget:realm:" + realm.getId(), server.perRealm()),
                new Budgets.Request("b2bpack-sms:budget:server", server.perServer()));
    }

    private static ServerCaps serverCaps(KeycloakSession session) {
        Object factory = session.getKeycloakSessionFactory().getProviderFactory(Authenticator.class, SmsOtpAuthenticatorFactory.ID);
        return factory instanceof SmsOtpAuthenticatorFactory f ? f.serverCaps() : ServerCaps.DEFAULTS;
    }
}
