package dev.courier;

import dev.courier.client.ExchangeRequest;
import dev.courier.client.RedirectRules;
import dev.courier.cookie.CookieJar;
import dev.courier.cookie.MemoryCookieJar;
import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.http.Url;
import java.net.URI;

/**
 * One hop of a call, prepared: the user's {@link Request} merged with the session's settings,
 * in requests' {@code prepare()} order (URL, then headers, then body, then auth, then cookies,
 * since the body's headers and the auth depend on the final URL). Host, Authorization and Cookie
 * are added last, in {@link #toExchange}, so a redirect can re-evaluate them for its new origin.
 */
final class Hop {

    final Method method;
    final Url url;
    final Headers headers;
    final Body body;
    final String authorization;
    final String proxyAuthorization;
    private final String userCookie;
    /** The session's cached preparation of this hop's URL, or null (redirects, request parameters). */
    private final PreparedTargets.Target target;
    private URI uri;

    private Hop(Method method, Url url, Headers headers, Body body, String authorization, String proxyAuthorization,
            String userCookie, PreparedTargets.Target target) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
        this.authorization = authorization;
        this.proxyAuthorization = proxyAuthorization;
        this.userCookie = userCookie;
        this.target = target;
    }

    /** Prepares the first hop of {@code r} sent by {@code s}. */
    static Hop prepare(Session s, Request r) {
        PreparedTargets.Target target = null;
        Url url;
        if (r.params().isEmpty()) {
            // The same URL string always prepares to the same URL: reuse the session's last one.
            target = s.prepared().find(r.url());
            if (target == null) {
                target = s.prepared().remember(r.url(), prepareUrl(s, r));
            }
            url = target.url;
        } else {
            url = prepareUrl(s, r);
        }
        Url wire = target != null ? target.wire : url.withoutUserInfo().withoutFragment();
        Headers base = s.baseHeaders();
        if (base != null && s.baseHeadersPlain() && r.headers().isEmpty() && r.removedHeaders().isEmpty()
                && r.body() == null
                && !r.method().expectsBody()) {
            // Nothing to merge: the session's defaults are this hop's fields as they are.
            return new Hop(r.method(), wire, base, null, prepareAuth(s, r, url, null), null, null, target);
        }
        Headers.Builder h = prepareHeaders(s, r);
        prepareBody(h, r);
        String authorization = prepareAuth(s, r, url, h.get("Authorization"));
        String proxy = h.get("Proxy-Authorization");
        String cookie = h.get("Cookie");
        h.removeAll("Authorization").removeAll("Proxy-Authorization").removeAll("Cookie");
        return new Hop(r.method(), wire, h.build(), r.body(), authorization, proxy, cookie, target);
    }

    private static Url prepareUrl(Session s, Request r) {
        Url url;
        try {
            Url base = s.baseUrl();
            url = base != null && !hasScheme(r.url()) ? base.resolve(r.url()) : Url.parse(r.url());
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlException("invalid URL " + quote(r.url()) + ": " + e.getMessage(), e, r, null);
        }
        checkScheme(url, r);
        if (!s.params().isEmpty()) {
            url = url.withQueryParams(s.params());
        }
        return r.params().isEmpty() ? url : url.withQueryParams(r.params());
    }

    static void checkScheme(Url url, Request r) {
        if (!"http".equals(url.scheme()) && !"https".equals(url.scheme()) || url.host() == null || url.host().isEmpty()) {
            throw new InvalidUrlException("cannot send to " + quote(url.toString())
                    + ": only http:// and https:// URLs with a host are supported", null, r, null);
        }
    }

    private static boolean hasScheme(String u) {
        int colon = u.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = u.charAt(i);
            boolean ok = Character.isLetter(c) || i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.');
            if (!ok || c > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Defaults, then session headers, then the request's: a later source replaces a name. */
    private static Headers.Builder prepareHeaders(Session s, Request r) {
        Headers base = s.baseHeaders();
        Headers.Builder h = base != null ? base.newBuilder() : defaults(s.userAgent(), s.headers());
        for (String name : r.removedHeaders()) {
            h.removeAll(name);
        }
        overlay(h, r.headers());
        return h;
    }

    /** Returns the defaults (User-Agent, Accept-Encoding, Accept) overlaid with {@code session}'s fields. */
    private static Headers.Builder defaults(String userAgent, Headers session) {
        Headers.Builder h = Headers.builder()
                .set("User-Agent", userAgent)
                .set("Accept-Encoding", "gzip, deflate")
                .set("Accept", "*/*");
        overlay(h, session);
        return h;
    }

    /** Returns the defaults overlaid with the session's fields, or null when they are invalid (reported per call). */
    static Headers baseHeaders(String userAgent, Headers session) {
        try {
            return defaults(userAgent, session).build();
        } catch (RuntimeException invalid) {
            return null; // e.g. a null User-Agent: each call then fails as it always did
        }
    }

    private static void overlay(Headers.Builder h, Headers over) {
        if (over.isEmpty()) {
            return;
        }
        for (String name : over.names()) {
            h.removeAll(name);
        }
        over.forEach(h::add);
    }

    /** requests' {@code prepare_body}: the user's Content-Type wins; length or chunked framing. */
    private static void prepareBody(Headers.Builder h, Request r) {
        h.removeAll("Content-Length").removeAll("Transfer-Encoding");
        Body body = r.body();
        if (body == null) {
            // RFC 9110 §8.6: a POST/PUT/PATCH without content says so with Content-Length: 0.
            if (r.method().expectsBody()) {
                h.set("Content-Length", "0");
            }
            return;
        }
        if (h.get("Content-Type") == null && body.contentType() != null) {
            h.set("Content-Type", body.contentType());
        }
        if (body.length() >= 0) {
            h.set("Content-Length", Long.toString(body.length()));
        } else {
            h.set("Transfer-Encoding", "chunked");
        }
        if (r.expectContinue()) {
            h.set("Expect", "100-continue");
        }
    }

    /** The request's auth, else an explicit header, else the URL's userinfo, else the session's. */
    private static String prepareAuth(Session s, Request r, Url url, String explicit) {
        if (r.auth() != null) {
            return r.auth().headerValue();
        }
        if (explicit != null) {
            return explicit;
        }
        Auth fromUrl = userInfoAuth(url);
        if (fromUrl != null) {
            return fromUrl.headerValue();
        }
        return s.auth() == null ? null : s.auth().headerValue();
    }

    private static Auth userInfoAuth(Url url) {
        if (url.userInfo() == null) {
            return null;
        }
        String p = url.password();
        return Auth.basic(url.username(), p == null ? "" : p);
    }

    /**
     * Returns the hop that follows redirect {@code status} to {@code location}, by
     * {@link RedirectRules}: new URL, method, body, headers, then credentials.
     */
    Hop redirect(int status, String location, Request original, Response response) {
        Url next;
        try {
            next = url.resolve(location).withoutFragment();
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlException("redirect to an invalid Location " + quote(location) + ": " + e.getMessage(),
                    e, original, response);
        }
        checkScheme(next, original);
        Method nextMethod = RedirectRules.rebuildMethod(method, status);
        boolean keepBody = RedirectRules.keepsBody(status) && nextMethod.equals(method) && body != null;
        if (keepBody && !body.isReplayable()) {
            throw new CourierException("cannot follow the " + status + " redirect to " + next
                    + ": it needs the request body again, but the body is a one-shot stream; send a Body.bytes or "
                    + "Body.file body, or build the request with followRedirects(false)", null, original, response);
        }
        Headers nextHeaders = RedirectRules.rebuildHeaders(headers, keepBody);
        boolean strip = RedirectRules.shouldStripAuth(url, next);
        Auth urlAuth = userInfoAuth(next);
        String auth = urlAuth != null ? urlAuth.headerValue() : strip ? null : authorization;
        return new Hop(nextMethod, next.withoutUserInfo(), nextHeaders, keepBody ? body : null, auth,
                strip ? null : proxyAuthorization, null, null);
    }

    /** Returns the wire form: Host, credentials and the jar's cookies for this URL added. */
    ExchangeRequest toExchange(Session s, CookieJar jar, Request r) {
        String jarCookies = jar == null || isEmpty(jar) ? null : jar.cookieHeader(uri()).orElse(null);
        String cookie = userCookie == null ? jarCookies : jarCookies == null ? userCookie : userCookie + "; " + jarCookies;
        Headers wire;
        if (authorization == null && proxyAuthorization == null && cookie == null) {
            // Only Host to add: the session keeps the last such set, so a repeated call copies nothing.
            wire = headers.contains("Host") ? headers : s.prepared().withHost(headers, hostHeader());
        } else {
            Headers.Builder h = headers.newBuilder();
            if (h.get("Host") == null) {
                h.set("Host", hostHeader());
            }
            if (authorization != null) {
                h.set("Authorization", authorization);
            }
            if (proxyAuthorization != null) {
                h.set("Proxy-Authorization", proxyAuthorization);
            }
            if (cookie != null) {
                h.set("Cookie", cookie);
            }
            wire = h.build();
        }
        return new ExchangeRequest(method, url, wire, body == null ? null : body.outgoing(r.uploadProgress()), r.expectContinue()
                && body != null, r.decompress());
    }

    /** Returns true when {@code jar} surely holds no cookie, so asking it for a header is not needed. */
    private static boolean isEmpty(CookieJar jar) {
        return jar instanceof MemoryCookieJar && ((MemoryCookieJar) jar).size() == 0;
    }

    private String hostHeader() {
        return target != null && target.wire == url ? target.hostHeader : url.hostHeader();
    }

    /** Returns the URL as a URI for the cookie jar. */
    URI uri() {
        if (uri == null) {
            uri = target != null && target.wire == url ? target.uri() : URI.create(url.toString());
        }
        return uri;
    }

    private static String quote(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "\"" + t + "\"";
    }
}
