package dev.courier.cookie;

import java.net.IDN;

/** Host name rules cookies need: canonical form (RFC 6265 §5.1.2), domain-match (§5.1.3), loopback. */
final class HostNames {

    private HostNames() {
    }

    /**
     * Returns the canonical form of a host: ASCII letters lower-cased and non-ASCII labels
     * converted to A-labels (RFC 6265 §5.1.2), brackets of an IPv6 literal removed.
     */
    static String canonicalize(String host) {
        String h = host;
        if (h.length() > 1 && h.charAt(0) == '[' && h.charAt(h.length() - 1) == ']') {
            h = h.substring(1, h.length() - 1);
        }
        for (int i = 0; i < h.length(); i++) {
            if (h.charAt(i) > 0x7F) {
                try {
                    h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException notConvertible) {
                    // Leave it as it is: it will simply fail to domain-match anything else.
                }
                break;
            }
        }
        return CookieChars.lower(h);
    }

    /** Returns true for an IPv4 dotted quad or an IPv6 literal (any host holding a colon). */
    static boolean isIpAddress(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        int parts = 0;
        int i = 0;
        int n = host.length();
        while (i <= n && parts < 5) {
            int start = i;
            int v = 0;
            while (i < n && host.charAt(i) >= '0' && host.charAt(i) <= '9' && i - start < 3) {
                v = v * 10 + (host.charAt(i) - '0');
                i++;
            }
            if (i == start || v > 255) {
                return false;
            }
            parts++;
            if (i == n) {
                return parts == 4;
            }
            if (host.charAt(i) != '.') {
                return false;
            }
            i++;
        }
        return false;
    }

    /**
     * Returns true when {@code host} domain-matches {@code domain} (RFC 6265 §5.1.3): they are
     * equal, or {@code host} ends with {@code "." + domain} and is not an IP address. So
     * {@code www.example.com} matches {@code example.com}, {@code badexample.com} does not.
     */
    static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) {
            return true;
        }
        return host.length() > domain.length()
                && host.endsWith(domain)
                && host.charAt(host.length() - domain.length() - 1) == '.'
                && !isIpAddress(host);
    }

    /**
     * Returns true for a loopback host: {@code localhost} and its subdomains, 127.0.0.0/8 and
     * {@code ::1}. Browsers treat these as secure contexts, so Secure cookies work in local tests
     * (RFC 6265bis §5.8.1 "potentially trustworthy origin").
     */
    static boolean isLoopback(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        return host.startsWith("127.") && isIpAddress(host);
    }
}
