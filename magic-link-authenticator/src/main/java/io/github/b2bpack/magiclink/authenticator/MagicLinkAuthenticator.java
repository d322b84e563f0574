package io.github.b2bpack.magiclink.authenticator;

import io.github.b2bpack.magiclink.address.TypedAddress;
import io.github.b2bpack.magiclink.config.MagicLinkSettings;
import io.github.b2bpack.magiclink.limit.ClientSubject;
import io.github.b2bpack.magiclink.limit.SendLimits;
import io.github.b2bpack.magiclink.limit.SlotCap;
import io.github.b2bpack.magiclink.mail.MagicLinkMailer;
import io.github.b2bpack.magiclink.timing.AnswerFloor;
import io.github.b2bpack.magiclink.token.MagicLinkTokenHandler;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.light.LightweightUserAdapter;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The magic-link step. Every address typed gets the same "check your email" page after the same work (user lookup,
 * both limits, a token signed and a mail rendered): only a known, enabled user with that email gets the mail, sent
 * off the request thread with its event written after it; and the answer leaves no sooner than the configured
 * minimum answer time after the step started, which hides what still differs. When the
 * link comes back, its handler leaves the user's id in an authentication-session note only it writes, and the flow
 * re-enters here: the user is identified and the step succeeds, so the flow's later steps (the conditional SMS or
 * OTP subflows) still run.
 */
final class MagicLinkAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(MagicLinkAuthenticator.class);

    /** Written by the token handler only (an auth note, never from a request parameter). */
    static final String VERIFIED_NOTE = MagicLinkTokenHandler.VERIFIED_NOTE;

    static final String FORM = "magic-link-authenticator_email.ftl";
    static final String SENT = "magic-link-authenticator_sent.ftl";
    static final String FIELD = "email";
    static final String MSG_INVALID_ADDRESS = "b2bpackMagicLinkInvalidAddress";
    static final String MSG_TOO_MANY = "b2bpackMagicLinkTooMany";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String verified = authSession.getAuthNote(VERIFIED_NOTE);
        if (verified != null) {
            authSession.removeAuthNote(VERIFIED_NOTE);
            UserModel user = context.getSession().users().getUserById(context.getRealm(), verified);
            if (user == null || !user.isEnabled()) {
                context.failure(AuthenticationFlowError.INVALID_USER);
                return;
            }
            context.setUser(user);
            context.success();
            return;
        }
        if (context.getUser() != null) {
            identityFirst(context, System.nanoTime());
            return;
        }
        String hint = authSession.getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM);
        context.challenge(form(context, hint == null ? "" : hint).createForm(FORM));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        long start = System.nanoTime(); // the floor counts from here: what ran before is the same for every address
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("restart")) {
            // "Use another address": forget a user an earlier identity-first step named.
            context.clearUser();
            context.challenge(form(context, "").createForm(FORM));
            return;
        }
        if (context.getUser() != null) {
            identityFirst(context, start); // "Send the link again" for the named user
            return;
        }
        String raw = form.getFirst(FIELD);
        Optional<String> address = TypedAddress.parse(raw);
        if (address.isEmpty()) {
            context.challenge(form(context, "")
                    .addError(new FormMessage(FIELD, MSG_INVALID_ADDRESS))
                    .setStatus(Response.Status.BAD_REQUEST)
                    .createForm(FORM));
            return;
        }
        UserModel user = lookup(context.getSession(), context.getRealm(), address.get());
        request(
                context,
                start,
                address.get(),
                address.get(),
                user != null && address.get().equalsIgnoreCase(user.getEmail()) ? user : null);
    }

    /**
     * An earlier step (Keycloak's username form) named the user: the link goes to that user's address, and the page
     * shows what the person typed there, never the address itself (that would tell anyone a username's email).
     */
    private void identityFirst(AuthenticationFlowContext context, long start) {
        UserModel named = context.getUser();
        String typed =
                context.getAuthenticationSession().getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        String email = named.getEmail();
        request(
                context,
                start,
                typed == null ? "" : typed,
                email == null ? named.getId() : email,
                email == null ? null : named);
    }

    /** The user whose email is {@code address}, or null (none, or several where the realm allows duplicates). */
    private static UserModel lookup(KeycloakSession session, RealmModel realm, String address) {
        try {
            return session.users().getUserByEmail(realm, address);
        } catch (ModelDuplicateException e) {
            return null;
        }
    }

    /**
     * @param start         {@link System#nanoTime()} when the step began handling the request (the floor's origin)
     * @param shown         what the page repeats (what the person typed)
     * @param limitSubject  what the per-address limit counts (the typed or the named user's address)
     * @param recipient     the user who gets the link, or null (unknown address: nothing is sent)
     */
    private void request(
            AuthenticationFlowContext context, long start, String shown, String limitSubject, UserModel recipient) {
        MagicLinkSettings settings = ExecutionSettings.of(context.getRealm(), context.getAuthenticatorConfig());
        SendLimits limits = new SendLimits(
                new StoreSlots(context.getSession().singleUseObjects()),
                // Per realm: a flood at one organization does not lock its senders out of another.
                new SlotCap("ip:" + context.getRealm().getId(), settings.ipLimit(), settings.ipWindowSeconds()),
                new SlotCap(
                        "address:" + context.getRealm().getId(),
                        settings.addressLimit(),
                        settings.addressWindowSeconds()));
        SendLimits.Outcome outcome = limits.tryAcquire(
                ClientSubject.of(context.getConnection().getRemoteAddr()), ClientSubject.address(limitSubject));
        if (outcome != SendLimits.Outcome.ALLOWED) {
            context.getEvent()
                    .clone()
                    .event(EventType.SEND_VERIFY_EMAIL)
                    .detail("b2bpack_event", "magic_link.limited")
                    .detail("reason", outcome.name().toLowerCase(Locale.ROOT))
                    .error("magic_link_limited");
            Response tooMany = sent(context, shown, settings)
                    .setError(MSG_TOO_MANY)
                    .setStatus(Response.Status.TOO_MANY_REQUESTS)
                    .createForm(SENT);
            AnswerFloor.ofMillis(settings.minimumAnswerMillis()).hold(start);
            context.challenge(tooMany);
            return;
        }
        if (recipient != null && recipient.isEnabled()) {
            send(context, recipient, settings);
        } else {
            rehearse(context, limitSubject, settings);
        }
        Response page = sent(context, shown, settings).createForm(SENT);
        // Held after the page is rendered: the floor covers all of the work, not only the mail.
        AnswerFloor.ofMillis(settings.minimumAnswerMillis()).hold(start);
        context.challenge(page);
    }

    private static void send(AuthenticationFlowContext context, UserModel user, MagicLinkSettings settings) {
        RealmModel realm = context.getRealm();
        if (!MagicLinkMailer.canSend(realm)) {
            LOG.warnf("magic link: realm %s has no SMTP server, no link sent", realm.getName());
            return;
        }
        String link =
                MagicLinks.forSession(context.getSession(), realm, user, context.getAuthenticationSession(), settings);
        // The event is written after the mail leaves, in its background job: on the request thread it was the one
        // database insert an unknown address does not cause (run 3 of MagicLinkIT: 47.0 ms known vs 30.7 ms).
        String realmId = realm.getId();
        String clientId = context.getAuthenticationSession().getClient().getClientId();
        String userId = user.getId();
        String ip = context.getConnection().getRemoteAddr();
        try {
            MagicLinkMailer.send(
                    context.getSession(),
                    realm,
                    user,
                    context.getAuthenticationSession(),
                    link,
                    settings.ttlSeconds(),
                    s -> sentEvent(s, realmId, clientId, userId, ip));
        } catch (EmailException e) {
            LOG.warnf("magic link: rendering the email failed in realm %s (%s)", realm.getName(), e.getMessage());
        }
    }

    /** {@code magic_link.sent}, in the mail's background session (the request's session is closed by then). */
    private static void sentEvent(KeycloakSession s, String realmId, String clientId, String userId, String ip) {
        RealmModel realm = s.realms().getRealm(realmId);
        if (realm == null) {
            return; // deleted meanwhile
        }
        new EventBuilder(realm, s)
                .event(EventType.SEND_VERIFY_EMAIL)
                .client(clientId)
                .user(userId)
                .ipAddress(ip)
                .detail("b2bpack_event", "magic_link.sent")
                .success();
    }

    /** The same work as {@link #send} for an address no user has, with nothing sent (see MagicLinkMailer#rehearse). */
    private static void rehearse(AuthenticationFlowContext context, String address, MagicLinkSettings settings) {
        RealmModel realm = context.getRealm();
        if (!MagicLinkMailer.canSend(realm)) {
            return;
        }
        try {
            UserModel decoy = new LightweightUserAdapter(
                    context.getSession(), realm, UUID.randomUUID().toString());
            decoy.setUsername(address);
            decoy.setEmail(address);
            String link = MagicLinks.forSession(
                    context.getSession(), realm, decoy, context.getAuthenticationSession(), settings);
            MagicLinkMailer.rehearse(
                    context.getSession(),
                    realm,
                    decoy,
                    context.getAuthenticationSession(),
                    link,
                    settings.ttlSeconds());
        } catch (RuntimeException e) {
            // a decoy: never fails the page
        }
    }

    private static LoginFormsProvider form(AuthenticationFlowContext context, String prefill) {
        return context.form().setAttribute("magicLink", new MagicLinkPage(prefill, 0));
    }

    private static LoginFormsProvider sent(
            AuthenticationFlowContext context, String address, MagicLinkSettings settings) {
        return context.form()
                .setAttribute("magicLink", new MagicLinkPage(address, Math.max(1, settings.ttlSeconds() / 60)));
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
