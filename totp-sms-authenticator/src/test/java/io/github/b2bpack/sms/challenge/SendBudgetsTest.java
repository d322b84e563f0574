package io.github.b2bpack.sms.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.b2bpack.sms.budget.Budgets;
import io.github.b2bpack.sms.budget.ServerCaps;
import io.github.b2bpack.sms.code.CodePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The caps of a send, claimed as {@link CodeSender} claims them, on an in-memory single-use store. */
class SendBudgetsTest {

    private static final ServerCaps GENEROUS = new ServerCaps(1000, 1000, 100_000, 100_000);

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final StoreSlots slots = new StoreSlots(store);

    private static CodePolicy policy(int perUser, int perIp) {
        return new CodePolicy(6, Duration.ofSeconds(600), 3, Duration.ZERO, perUser, perIp);
    }

    private Budgets.Outcome send(
            ServerCaps server,
            CodePolicy policy,
            String realm,
            String user,
            Purpose purpose,
            String number,
            String ip) {
        return Budgets.claimAll(
                slots,
                SendBudgets.requests(server, policy, new ChallengeKeys(realm, user, purpose), number, ip),
                store.clock.get());
    }

    /** How many sends were granted, and by which cap each refused one was stopped. */
    private static Map<String, Long> tally(List<Budgets.Outcome> outcomes) {
        return outcomes.stream()
                .collect(Collectors.groupingBy(
                        o -> o.granted() ? "granted" : o.refusedBy().name(), Collectors.counting()));
    }

    @Test
    void capsComeNarrowestFirstUnderStableKeys() {
        List<Budgets.Request> login = SendBudgets.requests(
                ServerCaps.DEFAULTS, policy(5, 20), new ChallengeKeys("r1", "u1", Purpose.LOGIN), "d1", "203.0.113.7");
        assertEquals(
                List.of(
                        "b2bpack-sms:budget:user:r1:u1",
                        "b2bpack-sms:budget:number:login:d1",
                        "b2bpack-sms:budget:ip:r1:203.0.113.7",
                        "b2bpack-sms:budget:realm:r1",
                        "b2bpack-sms:budget:server"),
                login.stream().map(Budgets.Request::base).toList());
        assertEquals(
                List.of("user", "number", "ip", "realm", "server"),
                login.stream().map(r -> r.cap().name()).toList());
        assertEquals(
                List.of(5, 5, 20, 1000, 5000),
                login.stream().map(r -> r.cap().limit()).toList());
        List<Budgets.Request> enroll = SendBudgets.requests(
                ServerCaps.DEFAULTS,
                policy(5, 20),
                new ChallengeKeys("r1", "u1", Purpose.ENROLL),
                "d1",
                "2001:db8:1:2::9");
        assertEquals("b2bpack-sms:budget:number:enroll:d1", enroll.get(1).base());
        assertEquals(3, enroll.get(1).cap().limit());
        assertEquals(
                "b2bpack-sms:budget:ip:r1:v6:20010db800010002/64", enroll.get(2).base());
    }

    @Test
    void fortyParallelSendsOfOneUserFromFortyAddressesGetTheUserCap() throws Exception {
        CodePolicy policy = policy(5, 20);
        Map<String, Long> outcome = tally(Race.run(
                40, i -> () -> send(GENEROUS, policy, "r1", "alice", Purpose.LOGIN, "n" + i, "198.51.100." + i)));
        assertEquals(Map.of("granted", 5L, "user", 35L), outcome);
    }

    @Test
    void thirtyUsersBehindOneAddressShareItsCapAndRefusedUsersKeepTheirBudget() throws Exception {
        CodePolicy policy = policy(5, 20);
        Function<Integer, String> user = i -> "user-" + i;
        List<Budgets.Outcome> outcomes = Race.run(
                30, i -> () -> send(GENEROUS, policy, "r1", user.apply(i), Purpose.LOGIN, "n" + i, "203.0.113.7"));
        assertEquals(Map.of("granted", 20L, "ip", 10L), tally(outcomes));
        // A send refused by the IP cap gave its user slot back: each user still has 5, minus the one granted.
        for (int i = 0; i < 30; i++) {
            int expected = outcomes.get(i).granted() ? 4 : 5;
            int granted = 0;
            while (send(GENEROUS, policy, "r1", user.apply(i), Purpose.LOGIN, "n" + i, "192.0.2." + i)
                    .granted()) {
                granted++;
            }
            assertEquals(expected, granted, user.apply(i));
        }
    }

    @Test
    void theRealmAndServerCapsHoldAcrossUsersAndRealmsInParallel() throws Exception {
        ServerCaps server = new ServerCaps(1000, 1000, 7, 12);
        CodePolicy policy = policy(5, 20);
        Map<String, Long> realm1 = tally(Race.run(
                24, i -> () -> send(server, policy, "r1", "u" + i, Purpose.LOGIN, "n" + i, "198.51.100." + i)));
        assertEquals(Map.of("granted", 7L, "realm", 17L), realm1);
        Map<String, Long> others = tally(Race.run(
                24,
                i -> () -> send(server, policy, "r" + (2 + i % 3), "u" + i, Purpose.LOGIN, "m" + i, "192.0.2." + i)));
        assertEquals(5L, others.get("granted"), "the server cap (12) leaves 5 sends to the other realms: " + others);
        // Which of the two refused a send depends on the interleaving; nothing else may.
        assertTrue(Set.of("granted", "realm", "server").containsAll(others.keySet()), others.toString());
    }

    @Test
    void enrollmentsToAVictimsNumberLeaveItsLoginCodes() throws Exception {
        CodePolicy policy = policy(100, 10_000);
        Map<String, Long> enrollments = tally(Race.run(
                12,
                i -> () -> send(
                        ServerCaps.DEFAULTS,
                        policy,
                        "r" + i,
                        "attacker-" + i,
                        Purpose.ENROLL,
                        "victim",
                        "198.51.100." + i)));
        assertEquals(Map.of("granted", 3L, "number", 9L), enrollments);
        assertTrue(send(ServerCaps.DEFAULTS, policy, "r-victim", "victim", Purpose.LOGIN, "victim", "192.0.2.1")
                .granted());
    }

    @Test
    void slotsFreeThemselvesAnHourAfterTheirSend() {
        CodePolicy policy = policy(2, 20);
        assertTrue(send(GENEROUS, policy, "r1", "alice", Purpose.LOGIN, "n", "192.0.2.1")
                .granted());
        assertTrue(send(GENEROUS, policy, "r1", "alice", Purpose.LOGIN, "n", "192.0.2.1")
                .granted());
        assertEquals(
                "user",
                send(GENEROUS, policy, "r1", "alice", Purpose.LOGIN, "n", "192.0.2.1")
                        .refusedBy()
                        .name());
        store.clock.addAndGet(Duration.ofHours(1).toMillis());
        assertTrue(send(GENEROUS, policy, "r1", "alice", Purpose.LOGIN, "n", "192.0.2.1")
                .granted());
    }
}
