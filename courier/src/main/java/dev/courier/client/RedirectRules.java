package dev.courier.client;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.http.Url;

/**
 * What changes when a redirect is followed, one small rule per method, each with its reason;
 * the same rules as requests' {@code SessionRedirectMixin}.
 */
public final class RedirectRules {

    private RedirectRules() {
    }

    /** Returns true for the statuses that redirect with a Location: 301, 302, 303, 307, 308. */
    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Returns the method of the next request. 303 means "GET the answer elsewhere" (RFC 9110
     * §15.4.4) except for HEAD; 301 and 302 turn POST into GET as every browser does (RFC 9110
     * §15.4.2 and §15.4.3 allow it); 307 and 308 keep the method (§15.4.8, §15.4.9).
     */
    public static Method rebuildMethod(Method method, int status) {
        if (status == 303 && !method.equals(Method.HEAD)) {
            return Method.GET;
        }
        if ((status == 301 || status == 302) && method.equals(Method.POST)) {
            return Method.GET;
        }
        return method;
    }

    /** Returns true when the body goes with the next request: the method stayed and so does the body. */
    public static boolean keepsBody(int status) {
        return status == 307 || status == 308;
    }

    /**
     * Returns true when credentials must not follow from {@code from} to {@code to}: another
     * origin, except the http to https upgrade on default ports (requests' {@code should_strip_auth});
     * an https to http downgrade always strips them.
     */
    public static boolean shouldStripAuth(Url from, Url to) {
        if (from.origin().equals(to.origin())) {
            return false;
        }
        boolean sameHost = from.host().equals(to.host());
        boolean upgrade = "http".equals(from.scheme()) && "https".equals(to.scheme())
                && !from.explicitPort().isPresent() && !to.explicitPort().isPresent();
        return !(sameHost && upgrade);
    }

    /**
     * Returns the headers for the next request: body headers dropped when the body is, and
     * Authorization, Proxy-Authorization and Cookie always removed: the caller re-adds the ones
     * the new origin may have (session auth, URL credentials, the jar's cookies for that URL).
     */
    public static Headers rebuildHeaders(Headers headers, boolean keepBody) {
        Headers.Builder b = headers.newBuilder()
                .removeAll("Authorization")
                .removeAll("Proxy-Authorization")
                .removeAll("Cookie")
                .removeAll("Host");
        if (!keepBody) {
            b.removeAll("Content-Length").removeAll("Content-Type").removeAll("Transfer-Encoding")
                    .removeAll("Expect");
        }
        return b.build();
    }
}
