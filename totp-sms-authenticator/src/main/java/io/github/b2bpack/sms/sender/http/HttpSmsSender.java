package io.github.b2bpack.sms.sender.http;

import io.github.b2bpack.sms.sender.GatewayPost;
import io.github.b2bpack.sms.sender.SecretOption;
import io.github.b2bpack.sms.sender.SmsDeliveryException;
import io.github.b2bpack.sms.sender.SmsMessage;
import io.github.b2bpack.sms.sender.SmsSenderProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * Generic gateway: {@code POST <url>} with {@code {"to": "+E164", "text": "...", "realm": "..."}},
 * headers {@code X-B2bpack-Timestamp} and the HMAC signature. Any 2xx is a success.
 */
final class HttpSmsSender implements SmsSenderProvider {

    static final String TIMESTAMP_HEADER = "X-B2bpack-Timestamp";

    private final KeycloakSession session;
    private final HttpSenderSettings settings;

    HttpSmsSender(KeycloakSession session, HttpSenderSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @Override
    public void send(RealmModel realm, SmsMessage message) throws SmsDeliveryException {
        if (settings.url() == null || settings.url().isBlank()) {
            throw new SmsDeliveryException("http sender: option spi-sms-sender--http--url is not set");
        }
        String secret = SecretOption.resolve(session, settings.secret());
        if (secret == null) {
            throw new SmsDeliveryException("http sender: option spi-sms-sender--http--secret is not set");
        }
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("to", message.to());
        payload.put("text", message.text());
        payload.put("realm", realm.getName());
        byte[] body;
        try {
            body = JsonSerialization.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new SmsDeliveryException("http sender: cannot encode the payload", e);
        }
        long timestamp = System.currentTimeMillis() / 1000;
        HttpPost post = new HttpPost(settings.url());
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        post.setHeader(TIMESTAMP_HEADER, Long.toString(timestamp));
        post.setHeader(
                settings.signatureHeader(), HmacSigner.sign(secret.getBytes(StandardCharsets.UTF_8), timestamp, body));
        GatewayPost.execute(session, post, settings.timeoutMillis(), "http sender: gateway");
    }
}
