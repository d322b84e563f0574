package io.github.b2bpack.org.ownership;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.ServiceUnavailableException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * TXT queries through the JDK's own DNS client (JNDI {@code com.sun.jndi.dns.DnsContextFactory}: UDP,
 * then TCP when an answer is truncated), so no DNS library is bundled. Each query opens its own
 * context: nothing is cached here, and a record published a second ago is seen (within the resolver's
 * own caching, for a recursive resolver).
 *
 * @param server        {@code host:port} of the resolver, or null/blank for the system resolvers
 *                      (those of {@code /etc/resolv.conf}, as the JDK reads them)
 * @param timeoutMillis first wait for an answer; JNDI doubles it at each retry
 * @param retries       tries per server after the first
 */
public record DnsTxtResolver(String server, int timeoutMillis, int retries) {

    public DnsTxtResolver {
        if (timeoutMillis < 100 || timeoutMillis > 30_000) {
            throw new IllegalArgumentException("dns-timeout must be between 100 and 30000 milliseconds");
        }
        if (retries < 0 || retries > 5) {
            throw new IllegalArgumentException("dns-retries must be between 0 and 5");
        }
        server = server == null || server.isBlank() ? null : checkedServer(server.strip());
    }

    /** The provider URL: {@code dns://host:port} or {@code dns:} for the system's resolvers. */
    public String providerUrl() {
        return server == null ? "dns:" : "dns://" + server;
    }

    public TxtLookup lookup(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, providerUrl());
        env.put("com.sun.jndi.dns.timeout.initial", String.valueOf(timeoutMillis));
        env.put("com.sun.jndi.dns.timeout.retries", String.valueOf(retries + 1));
        env.put("com.sun.jndi.dns.recursion", "true");
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attributes attributes = context.getAttributes(name + ".", new String[] {"TXT"});
            Attribute txt = attributes.get("TXT");
            List<String> values = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> all = txt.getAll();
                while (all.hasMore()) {
                    values.add(String.valueOf(all.next()));
                }
            }
            return new TxtLookup.Records(values);
        } catch (NameNotFoundException e) {
            return new TxtLookup.NoSuchName();
        } catch (CommunicationException e) {
            return new TxtLookup.Unavailable("no answer from the DNS resolver in time");
        } catch (ServiceUnavailableException e) {
            return new TxtLookup.Unavailable("the DNS resolver refused or failed the query");
        } catch (NamingException | RuntimeException e) {
            return new TxtLookup.Unavailable(
                    "the DNS query failed (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // nothing held open
                }
            }
        }
    }

    private static String checkedServer(String value) {
        int colon = value.startsWith("[") ? value.indexOf("]:") + 1 : value.lastIndexOf(':');
        if (value.startsWith("[") && colon == 0) {
            colon = -1;
        }
        String host = colon < 0 ? value : value.substring(0, colon);
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+]")) {
            throw new IllegalArgumentException("dns-resolver must be host or host:port, got '" + value + "'");
        }
        if (colon >= 0) {
            int port;
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("dns-resolver port must be a number, got '" + value + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("dns-resolver port must be between 1 and 65535");
            }
        }
        return value;
    }
}
