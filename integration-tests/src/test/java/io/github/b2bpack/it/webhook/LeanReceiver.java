package io.github.b2bpack.it.webhook;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The leanest loopback receiver for the load benchmark: HTTP/1.1 keep-alive, one thread per connection,
 * every POST answered 204 and kept as (webhook-id, arrival time, body). The JDK {@code HttpServer} behind
 * {@code WebhookReceiver} costs about 0.85 ms of CPU per request on these 2 cores, which a receiver on
 * another machine would not take from Keycloak; this one isolates what the node itself pays. Not a general
 * HTTP server: no chunked bodies, no pipelining, no error handling beyond closing the connection.
 */
final class LeanReceiver implements AutoCloseable {

    private static final byte[] NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    record Arrival(String webhookId, long receivedAtMillis, byte[] body) {}

    private final ServerSocket server;
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    /** Requests wait here before they are read while {@link #hold} is in force. */
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private final List<Socket> connections = new ArrayList<>();

    LeanReceiver(int port) {
        try {
            server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
        Thread acceptor = new Thread(this::accept, "lean-receiver-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** From now on requests wait unread (their senders wait for an answer) until {@link #release}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    /** How many requests arrived so far (cheaper than copying {@link #arrivals}). */
    int count() {
        return count.get();
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                synchronized (connections) {
                    connections.add(socket);
                }
                Thread t = new Thread(() -> serve(socket), "lean-receiver");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            while (true) {
                gate.await();
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                int length = 0;
                String id = null;
                while (!(line = readLine(in)).isEmpty()) {
                    int colon = line.indexOf(':');
                    String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    if (name.equals("content-length")) {
                        length = Integer.parseInt(line.substring(colon + 1).trim());
                    } else if (name.equals("webhook-id")) {
                        id = line.substring(colon + 1).trim();
                    }
                }
                byte[] body = in.readNBytes(length);
                arrivals.add(new Arrival(id, System.currentTimeMillis(), body));
                count.incrementAndGet();
                out.write(NO_CONTENT);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the client closed the connection, or sent something this receiver does not speak
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One CRLF-terminated header line as ISO-8859-1; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        if (line.length() == 0) {
            return null;
        }
        throw new IOException("connection closed inside a line");
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (connections) {
            for (Socket s : connections) {
                s.close();
            }
        }
    }
}
