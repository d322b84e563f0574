package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.budget.Budgets;
import io.github.b2bpack.sms.budget.Cap;
import io.github.b2bpack.sms.code.CodeCheck;
import io.github.b2bpack.sms.code.CodeHasher;
import io.github.b2bpack.sms.code.OneTimeCodeGenerator;
import io.github.b2bpack.sms.code.PendingCode;
import io.github.b2bpack.sms.code.SmsText;
import io.github.b2bpack.sms.phone.PhoneCheck;
import io.github.b2bpack.sms.phone.PhoneNumbers;
import io.github.b2bpack.sms.sender.SmsDeliveryException;
import io.github.b2bpack.sms.sender.SmsMessage;
import io.github.b2bpack.sms.sender.SmsSenderProvider;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Sends and checks texted codes for one user and purpose. All state lives in Keycloak's
 * cluster-wide {@link SingleUseObjectProvider}: the pending code (salted hash only, expiring with the
 * code), the cooldown claim, the budget slots of every cap and the attempt slots of each code. Every
 * limit is decided by an atomic operation of that store ({@code putIfAbsent}, {@code remove} returning
 * what it removed), never by reading a value and writing it back, so limits hold under parallel
 * requests and across the nodes of a cluster.
 */
public final class SmsChallenges {

    private static final Logger LOG = Logger.getLogger(SmsChallenges.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The store keeps a code this long past its expiry (it is refused by its own timestamp), so a late
     * entry is told "expired" rather than "no code".
     */
    private static final long EXPIRED_GRACE_SECONDS = 60;
    private static final String DEFAULT_TEXT = "Your verification code is {0}. It expires in {1} minutes.";

    /** Login codes and enrollment codes never stand in for each other. */
    public enum Purpose { LOGIN, ENROLL }

    public record SendResult(SendStatus status, long waitSeconds) {
        public boolean delivered() {
            return status == SendStatus.SENT;
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final Purpose purpose;
    private final SmsOtpSettings settings;
    private final SingleUseObjectProvider store;

    public SmsChallenges(KeycloakSession session, RealmModel realm, UserModel user, Purpose purpose, SmsOtpSettings settings) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.purpose = purpose;
        this.settings = settings;
        this.store = session.singleUseObjects();
    }

    public PendingCode pending() {
        PendingCode pending = PendingCode.fromMap(store.get(codeKey()));
        if (pending != null && CodeCheck.expired(pending, Time.currentTimeMillis())) {
            return null;
        }
        return pending;
    }

    /** First display of the form: texts a code unless one is pending (a reload sends nothing). */
    public SendResult sendIfNone(String phone, String ip) {
        PendingCode pending = pending();
        if (pending != null && pending.targetDigest().equals(digest(phone))) {
            return new SendResult(SendStatus.ALREADY_PENDING, 0);
        }
        return send(phone, ip);
    }

    /**
     * Resend link and new numbers: a fresh code. In this order, nothing sent unless every step passes:
     * the phone rules (the stored number is checked again, so imported or old credentials obey today's
     * rules), a usable sender, the cooldown (one atomic claim held for the cooldown), then one slot of
     * each cap (user, number, IP, realm, server; see {@link Budgets}). Budget is spent before the
     * gateway is called, and a failed call does not give it back: a refusing gateway must not be
     * retried for free (SMS pumping).
     */
    public SendResult send(String phone, String ip) {
        long now = Time.currentTimeMillis();
        PhoneCheck rules = PhoneNumbers.recheck(phone, settings.allowedRegions(), settings.allowVoip());
        if (!rules.ok()) {
            LOG.warnf("realm %s: stored number %s refused by the phone rules (%s); no SMS sent",
                    realm.getName(), PhoneNumbers.mask(phone), rules.errorKey());
            return new SendResult(SendStatus.forPhoneRefusal(rules.errorKey()), 0);
        }
        SmsSenderProvider sender = sender();
        if (sender == null) {
            return new SendResult(SendStatus.NO_SENDER, 0);
        }
        long cooldownSeconds = settings.policy().resendCooldown().toSeconds();
        if (cooldownSeconds > 0) {
            if (!store.putIfAbsent(cooldownKey(), cooldownSeconds)) {
                return new SendResult(SendStatus.COOLDOWN, resendWaitSeconds());
            }
            // Only for the "wait n seconds" message; the claim above is what enforces the cooldown.
            store.put(cooldownAtKey(), cooldownSeconds, Map.of("at", Long.toString(now)));
        }
        Budgets.Outcome budget = Budgets.claimAll(new StoreSlots(store),
                SendBudgets.requests(session, realm, user, settings.policy(), purpose == Purpose.ENROLL, digest(phone), ip), now);
        if (!budget.granted()) {
            LOG.infof("realm %s: SMS cap '%s' reached; no SMS sent", realm.getName(), budget.refusedBy().name());
            return new SendResult(SendStatus.forCap(budget.refusedBy().name()), 0);
        }

        String code = new OneTimeCodeGenerator(RANDOM).next(settings.policy().length());
        long ttlSeconds = settings.policy().ttl().toSeconds();
        try {
            sender.send(realm, new SmsMessage(phone, SmsText.compose(template(), code, Math.max(1, ttlSeconds / 60), settings.webOtpHost())));
        } catch (SmsDeliveryException e) {
            LOG.warnf("realm %s: SMS not delivered: %s", realm.getName(), e.getMessage());
            return new SendResult(SendStatus.DELIVERY_FAILED, 0);
        }
        byte[] salt = CodeHasher.newSalt(RANDOM);
        PendingCode pending = new PendingCode(newId(), CodeHasher.hash(code, salt), CodeHasher.encodeSalt(salt), now,
                now + ttlSeconds * 1000, digest(phone));
        store.put(codeKey(), ttlSeconds + EXPIRED_GRACE_SECONDS, pending.toMap());
        return new SendResult(SendStatus.SENT, 0);
    }

    /** The chosen gateway, or null (with a warning naming why) when there is none to use. */
    private SmsSenderProvider sender() {
        if (settings.senderId() == null) {
            LOG.warnf("realm %s: no SMS sender chosen in the sms-otp-form configuration; no SMS sent", realm.getName());
            return null;
        }
        SmsSenderProvider sender = session.getProvider(SmsSenderProvider.class, settings.senderId());
        if (sender == null) {
            LOG.warnf("realm %s: SMS sender '%s' is not deployed; no SMS sent", realm.getName(), settings.senderId());
            return null;
        }
        if (!sender.usable()) {
            LOG.warnf("realm %s: SMS sender '%s' is refused on this server (see its options); no SMS sent",
                    realm.getName(), settings.senderId());
            return null;
        }
        return sender;
    }

    /** Seconds before the resend link works again. */
    public long resendWaitSeconds() {
        long cooldownMillis = settings.policy().resendCooldown().toMillis();
        if (cooldownMillis <= 0 || !store.contains(cooldownKey())) {
            return 0;
        }
        Map<String, String> at = store.get(cooldownAtKey());
        long sentAt;
        try {
            sentAt = at == null ? Time.currentTimeMillis() : Long.parseLong(at.get("at"));
        } catch (RuntimeException e) {
            sentAt = Time.currentTimeMillis();
        }
        return Math.max(1, CodeCheck.resendWaitSeconds(sentAt, Time.currentTimeMillis(), cooldownMillis));
    }

    /**
     * Checks one entry. Each entry first claims one of the code's {@code maxAttempts} attempt slots
     * (atomic, so parallel entries are each counted); a right code is then consumed with an atomic
     * {@code remove}, and only the request whose remove returned this very code succeeds.
     */
    public CodeCheck.Outcome verify(String input, String phone) {
        long now = Time.currentTimeMillis();
        PendingCode pending = PendingCode.fromMap(store.get(codeKey()));
        if (pending == null) {
            return CodeCheck.Outcome.NO_CODE;
        }
        if (CodeCheck.expired(pending, now)) {
            removeIfStill(pending);
            return CodeCheck.Outcome.EXPIRED;
        }
        int maxAttempts = settings.policy().maxAttempts();
        long lifespan = Math.max(1, (pending.expiresAtMillis() - now) / 1000) + EXPIRED_GRACE_SECONDS;
        int attempt = Budgets.claimIndex(new StoreSlots(store), "b2bpack-sms:try:" + pending.id(),
                new Cap("attempts", maxAttempts, lifespan), now);
        CodeCheck.Outcome outcome = CodeCheck.check(pending, input, now, attempt, maxAttempts, digest(phone));
        switch (outcome) {
            case VALID -> {
                if (!removeIfStill(pending)) {
                    // Another request consumed this code first: it is used.
                    return CodeCheck.Outcome.NO_CODE;
                }
                // The code did its job: the next SMS starts a new challenge, not a resend.
                store.remove(cooldownKey());
                store.remove(cooldownAtKey());
            }
            case VOIDED -> {
                // Only the holder of the last slot removes the code; an entry that got no slot leaves it
                // to the slot holders, one of which may still be the right code.
                if (attempt >= 0) {
                    removeIfStill(pending);
                }
            }
            default -> {
            }
        }
        return outcome;
    }

    public void discard() {
        store.remove(codeKey());
    }

    /**
     * Removes the pending code if it is still {@code pending}; true when this call removed it. The
     * store's remove is atomic and returns what it removed, so of parallel callers exactly one gets
     * the code. A newer code removed by mistake (sent in between) is put back.
     */
    private boolean removeIfStill(PendingCode pending) {
        Map<String, String> removed = store.remove(codeKey());
        PendingCode taken = PendingCode.fromMap(removed);
        if (taken == null) {
            return false;
        }
        if (!taken.id().equals(pending.id())) {
            long left = Math.max(1, (taken.expiresAtMillis() - Time.currentTimeMillis()) / 1000) + EXPIRED_GRACE_SECONDS;
            store.put(codeKey(), left, removed);
            return false;
        }
        return true;
    }

    private static String newId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private String template() {
        try {
            Locale locale = session.getContext().resolveLocale(user);
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
            String text = messages.getProperty("b2bpackSmsText");
            return text == null || text.isBlank() ? DEFAULT_TEXT : text;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_TEXT;
        }
    }

    private String codeKey() {
        return "b2bpack-sms:code:" + purpose.name().toLowerCase(Locale.ROOT) + ":" + realm.getId() + ":" + user.getId();
    }

    /** Claimed (putIfAbsent) for the cooldown after each send of this purpose; survives a voided code. */
    private String cooldownKey() {
        return "b2bpack-sms:cooldown:" + purpose.name().toLowerCase(Locale.ROOT) + ":" + realm.getId() + ":" + user.getId();
    }

    private String cooldownAtKey() {
        return cooldownKey() + ":at";
    }

    /** Binds a code to the number it was sent to, without keeping the number in the store. */
    static String digest(String phone) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.valueOf(phone).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
