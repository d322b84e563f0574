package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.code.CodeCheck;
import io.github.b2bpack.sms.code.CodeHasher;
import io.github.b2bpack.sms.code.OneTimeCodeGenerator;
import io.github.b2bpack.sms.code.PendingCode;
import io.github.b2bpack.sms.code.SendLog;
import io.github.b2bpack.sms.code.SmsText;
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
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Sends and checks texted codes for one user and purpose. All state lives in Keycloak's
 * cluster-wide {@link SingleUseObjectProvider}: the pending code (salted hash only, expiring with
 * the code) and the send logs behind the per-user and per-IP hourly caps.
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
        if (pending != null && Time.currentTimeMillis() >= pending.expiresAtMillis()) {
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

    /** Resend link and new numbers: a fresh code, subject to the cooldown and the caps. */
    public SendResult send(String phone, String ip) {
        long now = Time.currentTimeMillis();
        long wait = cooldownWait(now);
        if (wait > 0) {
            return new SendResult(SendStatus.COOLDOWN, wait);
        }
        SendLog userLog = SendLog.fromMap(store.get(userLogKey()));
        if (!userLog.allows(now, settings.policy().maxSendsPerUserPerHour())) {
            return new SendResult(SendStatus.USER_CAP, 0);
        }
        SendLog ipLog = SendLog.fromMap(store.get(ipLogKey(ip)));
        if (!ipLog.allows(now, settings.policy().maxSendsPerIpPerHour())) {
            return new SendResult(SendStatus.IP_CAP, 0);
        }
        if (settings.senderId() == null) {
            LOG.warnf("realm %s: no SMS sender chosen in the sms-otp-form configuration; no SMS sent", realm.getName());
            return new SendResult(SendStatus.NO_SENDER, 0);
        }
        SmsSenderProvider sender = session.getProvider(SmsSenderProvider.class, settings.senderId());
        if (sender == null) {
            LOG.warnf("realm %s: SMS sender '%s' is not deployed; no SMS sent", realm.getName(), settings.senderId());
            return new SendResult(SendStatus.NO_SENDER, 0);
        }

        String code = new OneTimeCodeGenerator(RANDOM).next(settings.policy().length());
        long ttlSeconds = settings.policy().ttl().toSeconds();
        // Count the attempt before sending: a failing gateway still costs a slot against pumping.
        store.put(userLogKey(), SendLog.WINDOW_MILLIS / 1000, userLog.record(now).toMap());
        store.put(ipLogKey(ip), SendLog.WINDOW_MILLIS / 1000, ipLog.record(now).toMap());
        long cooldownSeconds = settings.policy().resendCooldown().toSeconds();
        if (cooldownSeconds > 0) {
            store.put(lastSentKey(), cooldownSeconds, Map.of("at", Long.toString(now)));
        }
        try {
            sender.send(realm, new SmsMessage(phone, SmsText.compose(template(), code, Math.max(1, ttlSeconds / 60), settings.webOtpHost())));
        } catch (SmsDeliveryException e) {
            LOG.warnf("realm %s: SMS not delivered: %s", realm.getName(), e.getMessage());
            return new SendResult(SendStatus.DELIVERY_FAILED, 0);
        }
        byte[] salt = CodeHasher.newSalt(RANDOM);
        PendingCode pending = new PendingCode(CodeHasher.hash(code, salt), CodeHasher.encodeSalt(salt), now,
                now + ttlSeconds * 1000, 0, digest(phone));
        store.put(codeKey(), ttlSeconds + EXPIRED_GRACE_SECONDS, pending.toMap());
        return new SendResult(SendStatus.SENT, 0);
    }

    /** Seconds before the resend link works again. */
    public long resendWaitSeconds() {
        return cooldownWait(Time.currentTimeMillis());
    }

    public CodeCheck.Outcome verify(String input, String phone) {
        long now = Time.currentTimeMillis();
        PendingCode pending = PendingCode.fromMap(store.get(codeKey()));
        CodeCheck.Result result = CodeCheck.check(pending, input, now, settings.policy().maxAttempts(), digest(phone));
        switch (result.outcome()) {
            case WRONG -> {
                long left = Math.max(1, (pending.expiresAtMillis() - now) / 1000) + EXPIRED_GRACE_SECONDS;
                store.put(codeKey(), left, result.remaining().toMap());
            }
            case NO_CODE -> {
            }
            case VALID -> {
                store.remove(codeKey());
                // The code did its job: the next SMS starts a new challenge, not a resend.
                store.remove(lastSentKey());
            }
            default -> store.remove(codeKey());
        }
        return result.outcome();
    }

    public void discard() {
        store.remove(codeKey());
    }

    /**
     * The cooldown runs from the last SMS of this purpose, and survives a voided code (so three wrong
     * entries cannot be turned into an immediate new SMS by reloading the page).
     */
    private long cooldownWait(long now) {
        Map<String, String> lastSent = store.get(lastSentKey());
        long last;
        try {
            last = lastSent == null ? 0 : Long.parseLong(lastSent.get("at"));
        } catch (RuntimeException e) {
            last = 0;
        }
        long wait = last + settings.policy().resendCooldown().toMillis() - now;
        return wait <= 0 ? 0 : (wait + 999) / 1000;
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

    private String lastSentKey() {
        return "b2bpack-sms:last:" + purpose.name().toLowerCase(Locale.ROOT) + ":" + realm.getId() + ":" + user.getId();
    }

    private String userLogKey() {
        return "b2bpack-sms:sends:user:" + realm.getId() + ":" + user.getId();
    }

    private String ipLogKey(String ip) {
        return "b2bpack-sms:sends:ip:" + realm.getId() + ":" + (ip == null ? "unknown" : ip);
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
