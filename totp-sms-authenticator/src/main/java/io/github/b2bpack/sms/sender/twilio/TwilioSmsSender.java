package io.github.b2bpack.sms.sender.twilio;

import io.github.b2bpack.sms.sender.GatewayPost;
import io.github.b2bpack.sms.sender.SecretOption;
import io.github.b2bpack.sms.sender.SmsDeliveryException;
import io.github.b2bpack.sms.sender.SmsMessage;
import io.github.b2bpack.sms.sender.SmsSenderProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.http.NameValuePair;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.message.BasicNameValuePair;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Twilio Messages API: {@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json}, form-encoded
 * {@code To}, {@code From} or {@code MessagingServiceSid}, {@code Body}, HTTP Basic auth with the
 * account SID and auth token. Twilio answers 201 on success.
 */
final class TwilioSmsSender implements SmsSenderProvider {

    private final KeycloakSession session;
    private final TwilioSettings settings;

    TwilioSmsSender(KeycloakSession session, TwilioSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @Override
    public void send(RealmModel realm, SmsMessage message) throws SmsDeliveryException {
        String token = SecretOption.resolve(session, settings.authToken());
        if (settings.accountSid() == null || token == null) {
            throw new SmsDeliveryException("twilio sender: options account-sid and auth-token are required");
        }
        boolean useService = settings.messagingServiceSid() != null
                && !settings.messagingServiceSid().isBlank();
        if (!useService && (settings.from() == null || settings.from().isBlank())) {
            throw new SmsDeliveryException("twilio sender: option from or messaging-service-sid is required");
        }
        String url = trimSlash(settings.baseUrl()) + "/2010-04-01/Accounts/"
                + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8) + "/Messages.json";
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("To", message.to()));
        form.add(
                useService
                        ? new BasicNameValuePair("MessagingServiceSid", settings.messagingServiceSid())
                        : new BasicNameValuePair("From", settings.from()));
        form.add(new BasicNameValuePair("Body", message.text()));

        HttpPost post = new HttpPost(url);
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        String credentials = settings.accountSid() + ":" + token;
        post.setHeader(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        post.setHeader("Accept", "application/json");
        GatewayPost.execute(session, post, settings.timeoutMillis(), "twilio sender: Twilio");
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
