import io.github.b2bpack.testsupport.WebhookReceiver;
import io.github.b2bpack.webhook.delivery.AddressPolicy;
import io.github.b2bpack.webhook.delivery.DeliveryResult;
import io.github.b2bpack.webhook.delivery.WebhookSender;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.SigningSecret;
import java.net.*;
import java.time.Duration;
import java.util.List;

/**
 * The SSRF guard through the system resolver (glibc), which keeps {@code ::ffff:a.b.c.d} answers as Inet6Address:
 * run by ssrf-system-resolver.sh with a private /etc/hosts. Prints what the policy says and what a real send does.
 */
public class SystemResolverProbe {
    public static void main(String[] a) throws Exception {
        AddressPolicy policy = AddressPolicy.parse("");
        for (String h : new String[]{"mapped-metadata.test", "mapped-loop.test", "teredo-metadata.test"}) {
            InetAddress[] all = InetAddress.getAllByName(h);
            System.out.println(h + " -> " + all[0].getClass().getSimpleName() + " " + all[0].getHostAddress() + " permitted=" + policy.permits(all[0]));
        }
        WebhookReceiver receiver = new WebhookReceiver(0);
        try (WebhookSender sender = new WebhookSender(policy, Duration.ofSeconds(1), Duration.ofSeconds(2), 1)) {
            DeliveryResult r = sender.send(URI.create("http://mapped-loop.test:" + receiver.port() + "/hook"), "msg_p", "{}".getBytes(),
                    List.of(SigningKey.of(SigningSecret.generate())), System.currentTimeMillis() / 1000);
            System.out.println("connect to mapped-loop.test (::ffff:127.0.0.1): " + r + "; receiver got " + receiver.requests().size() + " request(s)");
        } finally {
            receiver.close();
        }
    }
}
