import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * The demo's webhook receiver: listens on 127.0.0.1 and prints each signed delivery on one line.
 * Run with the JDK alone: {@code java demo/WebhookLogReceiver.java 8099}. It does not verify
 * signatures (any Standard Webhooks library does, with the key the webhooks API returned).
 */
public final class WebhookLogReceiver {

    private static final int MAX_SHOWN = 400;

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
                String shown = body.length() > MAX_SHOWN ? body.substring(0, MAX_SHOWN) + "…" : body;
                System.out.printf("[webhook %s] %s id=%s signature=%s%n    %s%n",
                        LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        shown);
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        System.out.println("[webhook] demo receiver listening on http://127.0.0.1:" + port + "/hooks");
    }
}
