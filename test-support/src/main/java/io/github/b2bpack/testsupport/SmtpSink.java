package io.github.b2bpack.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback SMTP server that accepts every message (plain SMTP, no TLS, no auth) and keeps it, so a
 * test can read the mail Keycloak sends, e.g. the reset-credentials link. It speaks just enough of
 * RFC 5321 for Jakarta Mail: greeting, EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT.
 */
public final class SmtpSink implements AutoCloseable {

    /** One message as received: the envelope sender and recipients, and the data (headers and body). */
    public record Mail(String from, List<String> to, String data) {

        /** The first link of the message to a Keycloak action token, quoted-printable and HTML escapes undone. */
        public String actionTokenLink() {
            String text = data.contains("quoted-printable") ? unQuotedPrintable(data) : data;
            Matcher m = Pattern.compile("https?://[^\\s\"'<>]+/login-actions/action-token\\?[^\\s\"'<>]+")
                    .matcher(text);
            if (!m.find()) {
                throw new AssertionError("no action-token link in the mail:\n" + data);
            }
            return m.group().replace("&amp;", "&");
        }

        private static String unQuotedPrintable(String s) {
            String joined = s.replace("=\r\n", "").replace("=\n", "");
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                    out.append((char) Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private static boolean isHex(char c) {
            return Character.digit(c, 16) >= 0 && (Character.isDigit(c) || Character.isUpperCase(c));
        }
    }

    private final ServerSocket server;
    private final List<Mail> mails = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** Listens on a free loopback port ({@link #port()}). */
    public SmtpSink() {
        try {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        acceptor = new Thread(this::acceptLoop, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every mail received so far, oldest first. */
    public List<Mail> mails() {
        return List.copyOf(mails);
    }

    /** Waits until at least {@code count} mails have arrived and returns them all. */
    public List<Mail> await(int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (mails.size() < count && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return mails();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(15_000);
                converse(socket);
            } catch (IOException e) {
                // closed, or a client that went away: the next connection gets a fresh conversation
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 localhost b2bpack test SMTP sink");
        String from = null;
        List<String> to = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase();
            if (upper.startsWith("EHLO")) {
                reply(out, "250-localhost\r\n250 8BITMIME");
            } else if (upper.startsWith("HELO")) {
                reply(out, "250 localhost");
            } else if (upper.startsWith("MAIL FROM:")) {
                from = line.substring(10).trim();
                to = new ArrayList<>();
                reply(out, "250 OK");
            } else if (upper.startsWith("RCPT TO:")) {
                to.add(line.substring(8).trim());
                reply(out, "250 OK");
            } else if (upper.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                StringBuilder data = new StringBuilder();
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    data.append(line.startsWith("..") ? line.substring(1) : line)
                            .append("\r\n");
                }
                mails.add(new Mail(from, List.copyOf(to), data.toString()));
                reply(out, "250 OK queued");
            } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
                reply(out, "250 OK");
            } else if (upper.startsWith("QUIT")) {
                reply(out, "221 Bye");
                return;
            } else {
                reply(out, "502 Command not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing to release
        }
    }
}
