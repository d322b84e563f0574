package io.github.b2bpack.sms.challenge;

import io.github.b2bpack.sms.budget.Budgets;
import io.github.b2bpack.sms.code.CodeHasher;
import io.github.b2bpack.sms.code.CodePolicy;
import io.github.b2bpack.sms.code.OneTimeCodeGenerator;
import io.github.b2bpack.sms.code.PendingCode;
import io.github.b2bpack.sms.code.SmsText;
import io.github.b2bpack.sms.phone.PhoneCheck;
import io.github.b2bpack.sms.phone.PhoneNumbers;
import io.github.b2bpack.sms.sender.SmsDeliveryException;
import io.github.b2bpack.sms.sender.SmsMessage;
import io.github.b2bpack.sms.sender.SmsSenderProvider;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * Texts codes to one user for one purpose. Nothing is sent unless every limit agrees, each decided by
 * an atomic claim in the single-use store ({@link PendingCodes}, {@link SendBudgets}); the store keeps
 * only a salted hash of the code sent.
 */
public final class CodeSender {

    private static final Logger LOG = Logger.getLogger(CodeSender.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DEFAULT_TEXT = "Your verification code is {0}. It expires in {1} minutes.";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final SmsOtpSettings settings;
    private final ChallengeKeys keys;
    private final PendingCodes codes;

    public CodeSender(
            KeycloakSession session, RealmModel realm, UserModel user, Purpose purpose, SmsOtpSettings settings) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.settings = settings;
        this.keys = new ChallengeKeys(realm.getId(), user.getId(), purpose);
        this.codes = new PendingCodes(session.singleUseObjects(), keys);
    }

    /** First display of the form: texts a code unless one is pending (a reload sends nothing). */
    public SendResult sendIfNone(String phone, String ip) {
        PendingCode pending = codes.live(Time.currentTimeMillis());
        if (pending != null && pending.targetDigest().equals(ChallengeKeys.numberDigest(phone))) {
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
            LOG.warnf(
                    "realm %s: stored number %s refused by the phone rules (%s); no SMS sent",
                    realm.getName(), PhoneNumbers.mask(phone), rules.errorKey());
            return new SendResult(SendStatus.forPhoneRefusal(rules.errorKey()), 0);
        }
        SmsSenderProvider gateway = gateway();
        if (gateway == null) {
            return new SendResult(SendStatus.NO_SENDER, 0);
        }
        CodePolicy policy = settings.policy();
        long cooldownSeconds = policy.resendCooldown().toSeconds();
        if (cooldownSeconds > 0 && !codes.claimCooldown(cooldownSeconds, now)) {
            return new SendResult(
                    SendStatus.COOLDOWN,
                    codes.resendWaitSeconds(policy.resendCooldown().toMillis(), Time.currentTimeMillis()));
        }
        String digest = ChallengeKeys.numberDigest(phone);
        Budgets.Outcome budget = Budgets.claimAll(
                codes.slots(), SendBudgets.requests(ServerCapsSource.of(session), policy, keys, digest, ip), now);
        if (!budget.granted()) {
            LOG.infof(
                    "realm %s: SMS cap '%s' reached; no SMS sent",
                    realm.getName(), budget.refusedBy().name());
            return new SendResult(SendStatus.forCap(budget.refusedBy().name()), 0);
        }

        String code = new OneTimeCodeGenerator(RANDOM).next(policy.length());
        long ttlSeconds = policy.ttl().toSeconds();
        try {
            gateway.send(
                    realm,
                    new SmsMessage(
                            phone,
                            SmsText.compose(template(), code, Math.max(1, ttlSeconds / 60), settings.webOtpHost())));
        } catch (SmsDeliveryException e) {
            LOG.warnf("realm %s: SMS not delivered: %s", realm.getName(), e.getMessage());
            return new SendResult(SendStatus.DELIVERY_FAILED, 0);
        }
        byte[] salt = CodeHasher.newSalt(RANDOM);
        codes.put(
                new PendingCode(
                        newId(),
                        CodeHasher.hash(code, salt),
                        CodeHasher.encodeSalt(salt),
                        now,
                        now + ttlSeconds * 1000,
                        digest),
                ttlSeconds);
        return new SendResult(SendStatus.SENT, 0);
    }

    /** The chosen gateway, or null (with a warning naming why) when there is none to use. */
    private SmsSenderProvider gateway() {
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
            LOG.warnf(
                    "realm %s: SMS sender '%s' is refused on this server (see its options); no SMS sent",
                    realm.getName(), settings.senderId());
            return null;
        }
        return sender;
    }

    /** The SMS text in the user's language ({@code b2bpackSmsText} of the login theme), else English. */
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

    private static String newId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
