package dev.courier.cookie;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The Public Suffix List: the domains under which anyone can register names ({@code com},
 * {@code co.uk}, {@code github.io}), so that a cookie scoped to one of them would reach every
 * site below it (RFC 6265 §5.3 step 5).
 *
 * <p>The list ships as the resource {@code dev/courier/cookie/public_suffix_list.dat} (MPL-2.0, see
 * {@code public_suffix_list.dat.NOTICE} beside it), taken from the Debian package
 * {@code publicsuffix}. To update it, from the project root:
 *
 * <pre>
 * apt-get install -y publicsuffix
 * cp /usr/share/publicsuffix/public_suffix_list.dat courier/src/main/resources/dev/courier/cookie/
 * </pre>
 *
 * <p>Both the ICANN and the PRIVATE sections are used, as browsers do, so {@code github.io} is a
 * suffix. Rules: a plain rule names a suffix; {@code *.ck} makes every child of {@code ck} a
 * suffix; {@code !www.ck} takes one name back out; a name matched by no rule falls under the
 * implicit {@code *} rule, so every single-label name is a suffix. The default list loads on first
 * use (about 10,000 rules into hash sets) and a lookup costs a few hash probes.
 */
final class PublicSuffixList {

    private static final String RESOURCE = "public_suffix_list.dat";

    private final Set<String> rules;
    private final Set<String> wildcardParents;
    private final Set<String> exceptions;

    private PublicSuffixList(Set<String> rules, Set<String> wildcardParents, Set<String> exceptions) {
        this.rules = rules;
        this.wildcardParents = wildcardParents;
        this.exceptions = exceptions;
    }

    /** Holder idiom: the resource is read on the first call of {@link #defaultList()} only. */
    private static final class Default {
        static final PublicSuffixList LIST = load();

        private static PublicSuffixList load() {
            InputStream in = PublicSuffixList.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("resource dev/courier/cookie/" + RESOURCE
                        + " is missing from the class path; the courier jar is incomplete");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return parse(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** Returns the list shipped with Courier, loading it on first use. */
    static PublicSuffixList defaultList() {
        return Default.LIST;
    }

    /** Returns the list in {@code reader}, in the format of {@code public_suffix_list.dat}. */
    static PublicSuffixList parse(Reader reader) throws IOException {
        Set<String> rules = new HashSet<>();
        Set<String> wildcards = new HashSet<>();
        Set<String> exceptions = new HashSet<>();
        BufferedReader in = new BufferedReader(reader);
        String line;
        while ((line = in.readLine()) != null) {
            // A rule is the line up to its first white space; "//" starts a comment line.
            int end = 0;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            String rule = line.substring(0, end);
            if (rule.isEmpty() || rule.startsWith("//")) {
                continue;
            }
            if (rule.startsWith("!")) {
                exceptions.add(ascii(rule.substring(1)));
            } else if (rule.startsWith("*.")) {
                wildcards.add(ascii(rule.substring(2)));
            } else {
                rules.add(ascii(rule));
            }
        }
        return new PublicSuffixList(rules, wildcards, exceptions);
    }

    /** Returns a rule in the A-label form that canonical cookie domains use (RFC 6265 §5.1.2). */
    private static String ascii(String rule) {
        for (int i = 0; i < rule.length(); i++) {
            if (rule.charAt(i) > 0x7F) {
                return CookieChars.lower(IDN.toASCII(rule, IDN.ALLOW_UNASSIGNED));
            }
        }
        return CookieChars.lower(rule);
    }

    /**
     * Returns true when {@code domain} (canonical: lower case, A-labels, no leading dot) is a
     * public suffix; e.g. {@code com}, {@code co.uk}, {@code github.io} and {@code foo.ck}
     * (wildcard) are, {@code www.ck} (exception) and {@code example.com} are not.
     */
    boolean isPublicSuffix(String domain) {
        if (exceptions.contains(domain)) {
            return false;
        }
        if (rules.contains(domain)) {
            return true;
        }
        int dot = domain.indexOf('.');
        if (dot < 0) {
            return true; // the implicit "*" rule
        }
        return wildcardParents.contains(domain.substring(dot + 1));
    }

    /**
     * Returns the registrable domain (public suffix plus one label) of a canonical host, e.g.
     * {@code www.example.co.uk} gives {@code example.co.uk}; null when the host is itself a public
     * suffix or has an empty label.
     */
    String registrableDomain(String host) {
        if (host.isEmpty() || host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
            return null;
        }
        String child = null;
        String candidate = host;
        // Bounded: each pass drops one label; a single label is always a suffix.
        while (true) {
            if (exceptions.contains(candidate)) {
                return candidate; // "!city.kobe.jp": the suffix is kobe.jp, so this is registrable
            }
            if (isPublicSuffix(candidate)) {
                return child;
            }
            child = candidate;
            candidate = candidate.substring(candidate.indexOf('.') + 1);
        }
    }
}
