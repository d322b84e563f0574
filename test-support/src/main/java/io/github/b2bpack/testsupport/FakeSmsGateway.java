package io.github.b2bpack.testsupport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A loopback SMS gateway that captures messages. It speaks two wire formats:
 * <ul>
 *   <li>Twilio's Messages API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded
 *   {@code To}, {@code From} or {@code MessagingServiceSid}, {@code Body}, HTTP Basic auth
 *   {@code sid:token}; answers 201 with a Twilio-like JSON message, 401 (code 20003) on bad auth,
 *   400 (code 21604) without {@code To}.</li>
 *   <li>The pack's generic {@code http} sender: {@code POST /sms} with JSON {@code {"to","text","realm"}},
 *   {@code X-B2bpack-Timestamp} and {@code X-B2bpack-Signature: v1=<hex HMAC-SHA256(secret, ts + "." + body)>};
 *   answers 200, or 401 when the signature is wrong.</li>
 * </ul>
 * Only accepted messages are captured as {@link Sms}; every request stays in {@link #requests()}.
 */
public final class FakeSmsGateway extends LoopbackHttpServer {

    /**
     * Connection: close on every answer. The full IT suite stops and starts gateways on one port; Keycloak's HTTP
     * client reused a connection to a stopped one and the next enrollment SMS failed ("Twilio unreachable
     * (NoHttpResponseException)", OtpRecoveryRulesIT in the clean-clone run of 2026-12-07).
     */
    @Override
    protected boolean keepAlive() {
        return false;
    }

    /** One accepted SMS: which API carried it, recipient, sender (Twilio only) and text. */
    public record Sms(String api, String to, String from, String body) {
        private static final Pattern CODE = Pattern.compile("\\b(\\d{6,8})\\b");

        /** The first 6–8 digit number in the text (the one-time code). */
        public String code() {
            Matcher m = CODE.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no code in the SMS");
            }
            return m.group(1);
        }
    }

    public static final String GENERIC_PATH = "/sms";
    private static final Pattern TWILIO_PATH = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");

    private final String twilioSid;
    private final String twilioToken;
    private final String httpSecret;
    private final List<Sms> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();

    public FakeSmsGateway(int port, String twilioSid, String twilioToken, String httpSecret) {
        super(port);
        this.twilioSid = twilioSid;
        this.twilioToken = twilioToken;
        this.httpSecret = httpSecret;
    }

    /** The next {@code count} sends are answered 503, as by a gateway outage. */
    public void failNext(int count) {
        failNext.set(count);
    }

    public List<Sms> messages() {
        return List.copyOf(messages);
    }

    public List<Sms> messagesTo(String e164) {
        List<Sms> to = new ArrayList<>();
        for (Sms sms : messages) {
            if (sms.to().equals(e164)) {
                to.add(sms);
            }
        }
        return to;
    }

    /** Polls until {@code count} messages to {@code e164} arrived (or the deadline); returns them. */
    public List<Sms> awaitMessagesTo(String e164, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Sms> to = messagesTo(e164);
        while (to.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            to = messagesTo(e164);
        }
        return to;
    }

    @Override
    public void clear() {
        super.clear();
        messages.clear();
    }

    @Override
    protected void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
        if (!"POST".equals(request.method())) {
            respond(exchange, 405, "application/json", "{\"message\":\"method not allowed\"}");
            return;
        }
        if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            respond(exchange, 503, "application/json", "{\"message\":\"gateway unavailable\"}");
            return;
        }
        Matcher twilio = TWILIO_PATH.matcher(request.path());
        if (twilio.matches()) {
            twilio(request, exchange, URLDecoder.decode(twilio.group(1), StandardCharsets.UTF_8));
        } else if (GENERIC_PATH.equals(request.path())) {
            generic(request, exchange);
        } else {
            respond(exchange, 404, "application/json", "{\"message\":\"not found\"}");
        }
    }

    private void twilio(RecordedRequest request, HttpExchange exchange, String sid) throws IOException {
        String expected = "Basic "
                + Base64.getEncoder().encodeToString((twilioSid + ":" + twilioToken).getBytes(StandardCharsets.UTF_8));
        String auth = request.header("Authorization");
        if (!sid.equals(twilioSid)
                || auth == null
                || !MessageDigest.isEqual(
                        auth.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            respond(
                    exchange,
                    401,
                    "application/json",
                    "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}");
            return;
        }
        String contentType = request.header("Content-Type");
        Map<String, String> form = parseForm(request.bodyText());
        if (contentType == null
                || !contentType.startsWith("application/x-www-form-urlencoded")
                || form.get("To") == null
                || form.get("Body") == null
                || (form.get("From") == null && form.get("MessagingServiceSid") == null)) {
            respond(
                    exchange,
                    400,
                    "application/json",
                    "{\"code\":21604,\"message\":\"A 'To' phone number, a 'From' or 'MessagingServiceSid', and a 'Body' are required.\",\"status\":400}");
            return;
        }
        String from = form.get("From") != null ? form.get("From") : form.get("MessagingServiceSid");
        messages.add(new Sms("twilio", form.get("To"), from, form.get("Body")));
        String messageSid = "SM" + String.format("%032d", sequence.incrementAndGet());
        respond(
                exchange,
                201,
                "application/json",
                "{\"sid\":\"" + messageSid + "\",\"account_sid\":\"" + twilioSid
                        + "\",\"status\":\"queued\",\"num_segments\":\"1\",\"direction\":\"outbound-api\"}");
    }

    private void generic(RecordedRequest request, HttpExchange exchange) throws IOException {
        String timestamp = request.header("X-B2bpack-Timestamp");
        String signature = request.header("X-B2bpack-Signature");
        if (timestamp == null
                || signature == null
                || !MessageDigest.isEqual(
                        signature.getBytes(StandardCharsets.UTF_8),
                        sign(timestamp, request.body()).getBytes(StandardCharsets.UTF_8))) {
            respond(exchange, 401, "application/json", "{\"error\":\"bad_signature\"}");
            return;
        }
        Map<String, String> json = flatJson(request.bodyText());
        if (json.get("to") == null || json.get("text") == null) {
            respond(exchange, 400, "application/json", "{\"error\":\"to_and_text_required\"}");
            return;
        }
        messages.add(new Sms("http", json.get("to"), null, json.get("text")));
        respond(exchange, 200, "application/json", "{\"id\":\"msg-" + sequence.incrementAndGet() + "\"}");
    }

    /** {@code v1=<hex>} as the generic sender computes it; public so tests can check the header. */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(httpSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return "v1=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(key, value);
        }
        return form;
    }

    /**
     * Reads a flat JSON object of string values (the generic sender's payload) without a JSON
     * library, so test-support stays dependency-free.
     */
    public static Map<String, String> flatJson(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(json);
        while (m.find()) {
            out.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
