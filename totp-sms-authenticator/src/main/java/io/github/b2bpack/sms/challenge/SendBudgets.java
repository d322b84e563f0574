package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.budget.Budgets;
import io.github.b2bpack.sms.budget.Cap;
import io.github.b2bpack.sms.budget.ClientAddress;
import io.github.b2bpack.sms.budget.ServerCaps;
import io.github.b2bpack.sms.code.CodePolicy;
import java.util.List;

/**
 * The caps one SMS must fit in, as store keys: per user and per IP (realm configuration), per
 * destination number, per realm and for the server (SPI options of {@code sms-otp-form}). Narrowest
 * first, so a user at their cap never takes a slot of the realm's or the server's budget. IPv6 clients
 * count by their /64 ({@link ClientAddress}). The number is keyed by its digest across realms: toll
 * fraud is billed per destination, whichever realm sends; and by purpose, so enrollment codes to a
 * typed number cannot exhaust its login budget ({@link ServerCaps#perNumber(String, boolean)}).
 */
final class SendBudgets {

    private SendBudgets() {}

    static List<Budgets.Request> requests(
            ServerCaps server, CodePolicy policy, ChallengeKeys sender, String phoneDigest, String ip) {
        String realmId = sender.realmId();
        return List.of(
                new Budgets.Request(
                        "b2bpack-sms:budget:user:" + realmId + ":" + sender.userId(),
                        new Cap("user", policy.maxSendsPerUserPerHour(), ServerCaps.HOUR)),
                server.perNumber(phoneDigest, sender.purpose() == Purpose.ENROLL),
                new Budgets.Request(
                        "b2bpack-sms:budget:ip:" + realmId + ":" + ClientAddress.budgetSubject(ip),
                        new Cap("ip", policy.maxSendsPerIpPerHour(), ServerCaps.HOUR)),
                new Budgets.Request("b2bpack-sms:budget:realm:" + realmId, server.perRealm()),
                new Budgets.Request("b2bpack-sms:budget:server", server.perServer()));
    }
}
