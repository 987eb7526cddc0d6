package dev.courier.http;

import java.net.IDN;

/**
 * Parses an absolute URL (RFC 3986 §4.3) into the checked, normalized parts a {@link Url} holds.
 *
 * <p>Steps: refuse control characters and space anywhere; split the five components
 * (Appendix B); check the scheme; parse the authority (userinfo, host, port) with a small state
 * machine; percent-encode path, query and fragment; remove dot segments from http(s) paths, as
 * urllib3 and browsers do. Errors quote the input and give the offset.
 */
final class UrlParser {

    /** Where the authority parser is. */
    private enum State {
        /** Before '@' or the end: the text may still turn out to be userinfo. */
        USERINFO_OR_HOST,
        /** Inside an IP literal, after '['. */
        IP_LITERAL,
        /** After the ']' that closes an IP literal: only ':' port may follow. */
        AFTER_IP_LITERAL,
        /** After the ':' that starts the port. */
        PORT
    }

    /** Largest port number (RFC 793 ports are 16-bit). */
    static final int MAX_PORT = 65535;

    private UrlParser() {
    }

    /** The parts of a parsed URL; host is null when there is no authority. */
    record Parsed(String scheme, String userInfo, String host, int port, String path, String query,
                  String fragment) {
    }

    static Parsed parse(String input) {
        if (input == null) {
            throw new IllegalArgumentException("Invalid URL: null");
        }
        if (input.isEmpty()) {
            throw new IllegalArgumentException("Invalid URL \"\": the URL is empty");
        }
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                throw error(input, i, Ascii.describe(c), "is not allowed in a URL",
                        c == ' ' ? (i == 0 || i == input.length() - 1 ? "trim the URL" : "encode a space as %20")
                                : "a control character could split the request line");
            }
        }
        UriParts parts = UriParts.split(input);
        String scheme = checkScheme(input, parts);
        int offset = scheme.length() + 1;
        String userInfo = null;
        String host = null;
        int port = -1;
        if (parts.authority() != null) {
            offset += 2;
            String[] authority = parseAuthority(input, parts.authority(), offset);
            userInfo = authority[0];
            host = authority[1];
            port = authority[2] == null ? -1 : Integer.parseInt(authority[2]);
            offset += parts.authority().length();
            if (host.isEmpty() && Url.defaultPort(scheme) > 0) {
                throw new IllegalArgumentException("Invalid URL " + Ascii.quote(input) + ": No host supplied");
            }
        } else if (Url.defaultPort(scheme) > 0) {
            throw new IllegalArgumentException("Invalid URL " + Ascii.quote(input) + ": No host supplied ("
                    + scheme + " URLs start with " + scheme + "://)");
        }
        String path = PercentEncoder.normalize(input, offset, offset + parts.path().length(),
                PercentEncoder.Component.PATH);
        if (host != null && (scheme.equals("http") || scheme.equals("https"))) {
            path = UrlResolver.removeDotSegments(path);
        }
        offset += parts.path().length();
        String query = null;
        if (parts.query() != null) {
            offset++;
            query = PercentEncoder.normalize(input, offset, offset + parts.query().length(),
                    PercentEncoder.Component.QUERY);
            offset += parts.query().length();
        }
        String fragment = null;
        if (parts.fragment() != null) {
            offset++;
            fragment = PercentEncoder.normalize(input, offset, input.length(), PercentEncoder.Component.FRAGMENT);
        }
        return new Parsed(scheme, userInfo, host, port, path, query, fragment);
    }

    /** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1), lower-cased. */
    private static String checkScheme(String input, UriParts parts) {
        String s = parts.scheme();
        if (s == null) {
            throw noScheme(input);
        }
        // "localhost:8080/x" and "example.com:443" split as scheme "localhost" / "example.com" with a
        // numeric path; nobody means that, so say what they probably meant (as requests does).
        if (parts.authority() == null && (s.indexOf('.') >= 0 || s.equalsIgnoreCase("localhost"))
                && !parts.path().isEmpty() && Character.isDigit(parts.path().charAt(0))) {
            throw noScheme(input);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                throw error(input, i, Ascii.describe(c), "is not allowed in a scheme",
                        "a scheme is a letter followed by letters, digits, '+', '-' or '.'");
            }
        }
        return Ascii.lowercase(s);
    }

    private static IllegalArgumentException noScheme(String input) {
        String hint;
        if (input.startsWith("//")) {
            hint = "Perhaps you meant https:" + input + "?";
        } else if (input.startsWith("/") || input.startsWith(".") || input.startsWith("?") || input.startsWith("#")) {
            hint = "This is a relative reference; resolve it against a base URL with Url.resolve.";
        } else {
            hint = "Perhaps you meant https://" + input + "?";
        }
        return new IllegalArgumentException("Invalid URL " + Ascii.quote(input) + ": No scheme supplied. " + hint);
    }

    /**
     * Returns {userinfo or null, host, port digits or null} for the authority at {@code base} in
     * {@code input}. The host comes back lower-cased, IDN-converted, without IPv6 brackets.
     */
    private static String[] parseAuthority(String input, String authority, int base) {
        int backslash = authority.indexOf('\\');
        if (backslash >= 0) {
            // Browsers read '\' in an authority as '/', RFC 3986 as data: in "http://evil\@good/"
            // they see host "evil", we would see "good". Refuse rather than disagree.
            throw error(input, base + backslash, "'\\'", "is not allowed in the authority", "use '/'");
        }
        String userInfo = null;
        int hostStart = 0;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            int first = authority.indexOf('@');
            if (first != at) {
                throw error(input, base + at, "a second '@'", "is not allowed in the authority",
                        "percent-encode '@' in a user name or password as %40");
            }
            userInfo = PercentEncoder.normalize(input, base, base + at, PercentEncoder.Component.USERINFO);
            hostStart = at + 1;
        }
        State state = State.USERINFO_OR_HOST;
        int hostEnd = authority.length();
        int portStart = -1;
        for (int i = hostStart; i < authority.length(); i++) {
            char c = authority.charAt(i);
            switch (state) {
                case USERINFO_OR_HOST:
                    if (c == '[' && i == hostStart) {
                        state = State.IP_LITERAL;
                    } else if (c == ':') {
                        hostEnd = i;
                        portStart = i + 1;
                        state = State.PORT;
                    }
                    break;
                case IP_LITERAL:
                    if (c == ']') {
                        hostEnd = i + 1;
                        state = State.AFTER_IP_LITERAL;
                    }
                    break;
                case AFTER_IP_LITERAL:
                    if (c != ':') {
                        throw error(input, base + i, Ascii.describe(c), "cannot follow ']'",
                                "only ':' and a port may follow an IP literal");
                    }
                    portStart = i + 1;
                    state = State.PORT;
                    break;
                case PORT:
                    if (c < '0' || c > '9') {
                        throw error(input, base + i, Ascii.describe(c), "is not allowed in the port",
                                "a port is digits only");
                    }
                    break;
                default:
                    throw new AssertionError(state);
            }
        }
        if (state == State.IP_LITERAL) {
            throw error(input, base + hostStart, "'['", "has no closing ']'", null);
        }
        String host = UrlHost.parse(input, authority.substring(hostStart, hostEnd), base + hostStart);
        String port = null;
        if (portStart >= 0 && portStart < authority.length()) {
            // port = *DIGIT (§3.2.3): an empty port is the same as none.
            String digits = authority.substring(portStart);
            if (digits.length() > 9 || Integer.parseInt(digits) > MAX_PORT) {
                throw error(input, base + portStart, "port " + Ascii.quote(digits), "is above " + MAX_PORT, null);
            }
            port = Integer.toString(Integer.parseInt(digits));
        }
        return new String[] {userInfo, host, port};
    }

    /** Returns "Invalid URL "input": subject at offset N problem (fix)". */
    static IllegalArgumentException error(String input, int offset, String subject, String problem, String fix) {
        return new IllegalArgumentException("Invalid URL " + Ascii.quote(input) + ": " + subject + " at offset "
                + offset + " " + problem + (fix == null ? "" : " (" + fix + ")"));
    }

    /** Host rules: IP literals (§3.2.2), registered names, IDN to ASCII (RFC 5890 A-labels). */
    static final class UrlHost {

        private UrlHost() {
        }

        static String parse(String input, String host, int base) {
            if (host.startsWith("[")) {
                String literal = host.substring(1, host.length() - 1);
                if (literal.startsWith("v") || literal.startsWith("V")) {
                    throw error(input, base + 1, "the IP literal", "is IPvFuture, which is not supported", null);
                }
                if (literal.indexOf('%') >= 0) {
                    throw error(input, base + 1 + literal.indexOf('%'), "'%'",
                            "starts an IPv6 zone identifier (RFC 6874), which is not supported",
                            "drop the %25zone part");
                }
                if (!isIpv6(literal)) {
                    throw error(input, base + 1, Ascii.quote(literal), "is not an IPv6 address", null);
                }
                return Ascii.lowercase(literal);
            }
            boolean ascii = true;
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                if (c >= 0x80) {
                    ascii = false;
                } else if (!PercentEncoder.Component.USERINFO_PART.allows(c)) {
                    throw error(input, base + i, Ascii.describe(c), "is not allowed in a host name",
                            c == '%' ? "write the host name itself, not percent-encoded" : null);
                }
            }
            if (ascii) {
                return Ascii.lowercase(host);
            }
            try {
                return Ascii.lowercase(IDN.toASCII(host));
            } catch (IllegalArgumentException e) {
                throw error(input, base, Ascii.quote(host), "is not a valid internationalized domain name ("
                        + e.getMessage() + ")", null);
            }
        }

        /** IPv6address of RFC 3986 §3.2.2: eight h16 groups, one "::" for a run of zeros, IPv4 tail. */
        static boolean isIpv6(String s) {
            int n = s.length();
            int groups = 0;
            boolean compressed = false;
            int i = 0;
            if (s.startsWith("::")) {
                compressed = true;
                i = 2;
                if (i == n) {
                    return true;
                }
            }
            while (i < n) {
                int start = i;
                while (i < n && PercentEncoder.isHex(s.charAt(i)) && i - start < 5) {
                    i++;
                }
                if (i < n && s.charAt(i) == '.') {
                    if (!isIpv4(s.substring(start))) {
                        return false;
                    }
                    groups += 2;
                    break;
                }
                if (i == start || i - start > 4) {
                    return false;
                }
                groups++;
                if (i == n) {
                    break;
                }
                if (s.charAt(i) != ':') {
                    return false;
                }
                i++;
                if (i < n && s.charAt(i) == ':') {
                    if (compressed) {
                        return false;
                    }
                    compressed = true;
                    i++;
                } else if (i == n) {
                    return false;
                }
            }
            return compressed ? groups <= 7 : groups == 8;
        }

        /** dec-octet "." dec-octet "." dec-octet "." dec-octet, no leading zeros. */
        static boolean isIpv4(String s) {
            int octets = 0;
            int i = 0;
            while (i <= s.length()) {
                int start = i;
                int value = 0;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                    value = value * 10 + (s.charAt(i) - '0');
                    i++;
                }
                int len = i - start;
                if (len == 0 || value > 255 || (len > 1 && s.charAt(start) == '0')) {
                    return false;
                }
                octets++;
                if (i == s.length()) {
                    return octets == 4;
                }
                if (s.charAt(i) != '.' || octets == 4) {
                    return false;
                }
                i++;
            }
            return false;
        }
    }
}
