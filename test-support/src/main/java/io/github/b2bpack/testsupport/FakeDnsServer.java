package io.github.b2bpack.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An authoritative DNS server on 127.0.0.1 speaking the real wire protocol (RFC 1035), over UDP and
 * TCP on the same port: it echoes the header id, flags RD and the question, answers {@code TXT}
 * questions from its records (each TXT string split into character-strings of at most 255 bytes),
 * answers NOERROR with no answer for a known name and another type, NXDOMAIN for an unknown name,
 * FORMERR for a malformed query, and never answers names put in {@link #silence(String)} (a resolver
 * then times out). A UDP answer over 512 bytes is sent truncated (TC), so the client retries on TCP.
 *
 * <p>Every question is recorded as {@code "TYPE name"} ({@link #questions()}).
 */
public final class FakeDnsServer implements AutoCloseable {

    public static final int TYPE_TXT = 16;
    private static final int CLASS_IN = 1;
    private static final int UDP_LIMIT = 512;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private volatile boolean closed;

    /** @param port 0 for an ephemeral port (the same number is then used for TCP) */
    public FakeDnsServer(int port) {
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            udp = new DatagramSocket(new InetSocketAddress(loopback, port));
            tcp = new ServerSocket();
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port + " (udp+tcp)", e);
        }
        daemon("FakeDnsServer-udp-" + port(), this::serveUdp);
        daemon("FakeDnsServer-tcp-" + port(), this::serveTcp);
    }

    public int port() {
        return udp.getLocalPort();
    }

    /** {@code host:port} for a resolver option. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Replaces the TXT records of {@code name} (one TXT record per value). */
    public FakeDnsServer putTxt(String name, String... values) {
        txt.put(key(name), List.of(values));
        silent.remove(key(name));
        return this;
    }

    public FakeDnsServer remove(String name) {
        txt.remove(key(name));
        silent.remove(key(name));
        return this;
    }

    /** Queries for {@code name} are read and never answered. */
    public FakeDnsServer silence(String name) {
        silent.add(key(name));
        return this;
    }

    public List<String> questions() {
        return List.copyOf(questions);
    }

    public int tcpQueries() {
        return tcpQueries.get();
    }

    public void clear() {
        txt.clear();
        silent.clear();
        questions.clear();
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void serveUdp() {
        byte[] buffer = new byte[4096];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] answer = answer(query, true);
                if (answer != null) {
                    udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (SocketException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // a bad datagram must not stop the server
            }
        }
    }

    private void serveTcp() {
        while (!closed) {
            try {
                Socket client = tcp.accept();
                daemon("FakeDnsServer-tcp-conn", () -> serveConnection(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveConnection(Socket client) {
        try (client) {
            client.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                int length = in.readUnsignedShort();
                byte[] query = new byte[length];
                in.readFully(query);
                tcpQueries.incrementAndGet();
                byte[] answer = answer(query, false);
                if (answer == null) {
                    return;
                }
                out.write(new byte[] {(byte) (answer.length >> 8), (byte) answer.length});
                out.write(answer);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // connection closed by the client, or garbage: drop it
        }
    }

    /** The answer to one query message, or null to stay silent. */
    byte[] answer(byte[] query, boolean udpTransport) {
        if (query.length < 12) {
            return null;
        }
        int qdcount = ((query[4] & 0xff) << 8) | (query[5] & 0xff);
        int position = 12;
        StringBuilder name = new StringBuilder();
        boolean valid = qdcount == 1 && (query[2] & 0x80) == 0;
        while (valid) {
            if (position >= query.length) {
                valid = false;
                break;
            }
            int len = query[position] & 0xff;
            if (len == 0) {
                position++;
                break;
            }
            if (len > 63 || position + 1 + len > query.length) {
                valid = false;
                break;
            }
            name.append(name.length() == 0 ? "" : ".")
                    .append(new String(query, position + 1, len, StandardCharsets.ISO_8859_1));
            position += 1 + len;
        }
        if (!valid || position + 4 > query.length) {
            return header(query, 1, 0, 12, false);
        }
        int qtype = ((query[position] & 0xff) << 8) | (query[position + 1] & 0xff);
        int questionEnd = position + 4;
        String key = key(name.toString());
        questions.add((qtype == TYPE_TXT ? "TXT" : String.valueOf(qtype)) + " " + key);
        if (silent.contains(key)) {
            return null;
        }
        List<String> values = txt.get(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rcode = values == null ? 3 : 0;
        int ancount = values != null && qtype == TYPE_TXT ? values.size() : 0;
        out.writeBytes(header(query, rcode, ancount, questionEnd, false));
        out.write(query, 12, questionEnd - 12);
        for (int i = 0; i < ancount; i++) {
            byte[] rdata = characterStrings(values.get(i));
            out.writeBytes(new byte[] {
                (byte) 0xc0, 12, 0, TYPE_TXT, 0, CLASS_IN, 0, 0, 0, 60, (byte) (rdata.length >> 8), (byte) rdata.length
            });
            out.writeBytes(rdata);
        }
        byte[] message = out.toByteArray();
        if (udpTransport && message.length > UDP_LIMIT) {
            // Real servers truncate and set TC; the resolver is expected to retry over TCP.
            ByteArrayOutputStream cut = new ByteArrayOutputStream();
            cut.writeBytes(header(query, rcode, 0, questionEnd, true));
            cut.write(query, 12, questionEnd - 12);
            return cut.toByteArray();
        }
        return message;
    }

    private static byte[] header(byte[] query, int rcode, int ancount, int questionEnd, boolean truncated) {
        int qd = questionEnd > 12 ? 1 : 0;
        // QR=1, opcode echoed, AA=1, TC as given, RD echoed; RA=0 (authoritative only).
        int flags1 = 0x80 | (query[2] & 0x78) | 0x04 | (truncated ? 0x02 : 0) | (query[2] & 0x01);
        return new byte[] {
            query[0],
            query[1],
            (byte) flags1,
            (byte) (rcode & 0x0f),
            0,
            (byte) qd,
            (byte) (ancount >> 8),
            (byte) ancount,
            0,
            0,
            0,
            0
        };
    }

    private static byte[] characterStrings(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        do {
            int chunk = Math.min(255, bytes.length - offset);
            out.write(chunk);
            out.write(bytes, offset, chunk);
            offset += chunk;
        } while (offset < bytes.length);
        return out.toByteArray();
    }

    private static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
