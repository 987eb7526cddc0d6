package dev.courier.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cross-site request forgery protection (OWASP's "synchronizer token" pattern): a before filter
 * that refuses an unsafe request unless it carries the secret token of the caller's session.
 *
 * <pre>{@code
 * Router app = sessions.install(new Router());      // a session filter must run first
 * CsrfFilter.builder().exempt("/api").build().install(app);
 * app.get("/edit", req -> Reply.html("<form method=post>" + CsrfFilter.hiddenField(req) + "...</form>"));
 * app.post("/edit", req -> ...);                    // reached only with the right token
 * }</pre>
 *
 * <p><b>What is checked.</b> Safe methods (GET, HEAD, OPTIONS, TRACE; RFC 9110 section 9.2.1)
 * and paths under an {@link Builder#exempt} prefix pass untouched. Any other method (POST, PUT,
 * PATCH, DELETE, and unknown ones) must send the token in the {@value #HEADER} header (for
 * scripts) or, for urlencoded and multipart bodies, in the form field {@value #FIELD}. A missing
 * token, a wrong one, or a session that never got one is refused with an
 * {@link AbortException} of status 403 whose message says which, so the handler never runs and
 * the router's status handler for 403, if any, shapes the page.
 *
 * <p><b>The token.</b> 32 bytes from {@link SecureRandom} (256 bits; OWASP asks for at least
 * 128), base64url without padding, so it needs no escaping in HTML or headers. It is made on the
 * first {@link #token} call and kept in the {@link WebSession} under {@link #SESSION_KEY}; it is
 * compared in constant time ({@link MessageDigest#isEqual}) so its bytes cannot be guessed one
 * by one from response times. It changes at login: {@link WebSession#rotateId()} drops it (a new
 * one is made on the next {@link #token} call) and {@link #rotate} replaces it at once.
 */
public final class CsrfFilter implements BeforeFilter {

    /** The form field that carries the token. */
    public static final String FIELD = "_csrf";
    /** The request header that carries the token, for scripts' requests. */
    public static final String HEADER = "X-CSRF-Token";
    /** The session key under which the token is kept. */
    public static final String SESSION_KEY = "_csrf";

    /** Bytes of randomness per token: 256 bits, twice OWASP's minimum of 128. */
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<RoutePattern> exempt;

    private CsrfFilter(List<RoutePattern> exempt) {
        this.exempt = List.copyOf(exempt);
    }

    /** Returns a builder of a filter that checks every path. */
    public static Builder builder() {
        return new Builder();
    }

    /** Adds this filter to {@code router} as a before filter for every path and returns the router. */
    public Router install(Router router) {
        return router.before(this);
    }

    /**
     * Returns the CSRF token of the request's session, making and storing one on first use.
     *
     * @throws IllegalStateException when no session filter ran for the request
     */
    public static String token(Request request) {
        WebSession session = request.session();
        String t = session.get(SESSION_KEY, String.class);
        if (t == null) {
            t = newToken();
            session.put(SESSION_KEY, t);
        }
        return t;
    }

    /**
     * Replaces the CSRF token of the request's session by a new one and returns it; pages
     * rendered with the old token are refused from then on. Call it when the user's privileges
     * change (OWASP: renew tokens at login), so a token seen before login, e.g. on a shared
     * computer, is worth nothing after. {@link WebSession#rotateId()} does the same by dropping
     * the token, so after it a login handler needs no call of its own.
     *
     * @throws IllegalStateException when no session filter ran for the request
     */
    public static String rotate(Request request) {
        String t = newToken();
        request.session().put(SESSION_KEY, t);
        return t;
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Returns the hidden form field carrying the session's token, ready to put inside a
     * {@code <form>}: {@code <input type="hidden" name="_csrf" value="...">}.
     */
    public static String hiddenField(Request request) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + token(request) + "\">";
    }

    /**
     * Returns null when {@code request} may go on, and throws otherwise.
     *
     * @throws AbortException 403 for a missing or wrong token, naming where it was looked for
     * @throws IOException if reading a form body fails
     */
    @Override
    public Reply before(Request request) throws IOException {
        if (request.method().isSafe() || isExempt(request)) {
            return null;
        }
        String sent = request.header(HEADER);
        if (sent == null && isForm(request.header("Content-Type"))) {
            sent = request.form().field(FIELD);
        }
        if (sent == null || sent.isEmpty()) {
            throw new AbortException(403, "CSRF token missing: " + request.method().name() + " requests must send"
                    + " the session's token in the form field \"" + FIELD + "\" or the header \"" + HEADER
                    + "\"; reload the form and submit it again");
        }
        String expected = request.session().get(SESSION_KEY, String.class);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            throw new AbortException(403, "CSRF token does not match this session's token (the form may be"
                    + " stale, or the request came from another site); reload the form and submit it again");
        }
        return null;
    }

    private boolean isExempt(Request request) {
        if (exempt.isEmpty()) {
            return false;
        }
        List<String> segments = PathSegments.decode(request.path());
        for (RoutePattern p : exempt) {
            if (p.isPrefixOf(segments)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/form-data");
    }

    /** Builds a {@link CsrfFilter}. */
    public static final class Builder {

        private final List<RoutePattern> exempt = new ArrayList<>();

        private Builder() {
        }

        /**
         * Lets requests under {@code prefix} pass unchecked (segment by segment, so {@code /api}
         * covers {@code /api/x} but not {@code /apix}), e.g. an API authenticated by bearer
         * tokens, which a browser never sends by itself; returns this builder.
         */
        public Builder exempt(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            int end = prefix.length();
            while (end > 0 && prefix.charAt(end - 1) == '/') {
                end--;
            }
            if (end == 0) {
                throw new IllegalArgumentException("CSRF exempt prefix " + Escape.quote(prefix)
                        + " would exempt every path; to check nothing, do not install the filter");
            }
            exempt.add(RoutePattern.parse(prefix.substring(0, end)));
            return this;
        }

        /** Returns the filter. */
        public CsrfFilter build() {
            return new CsrfFilter(exempt);
        }
    }
}
