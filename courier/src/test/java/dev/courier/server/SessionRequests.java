package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.http.Method;

/** Builds requests with or without a cookie, over plain HTTP or as if over TLS. */
final class SessionRequests {

    private SessionRequests() {
    }

    /** Returns a GET of {@code path} sending {@code cookie} (a "name=value" string) unless null. */
    static TestRequest get(String path, String cookie) {
        Headers h = cookie == null ? Headers.empty() : Headers.builder().add("Cookie", cookie).build();
        return TestRequest.of(Method.GET, path, h, "");
    }

    /** Returns the same request claiming to have come over TLS. */
    static Request secure(TestRequest r) {
        return (Request) java.lang.reflect.Proxy.newProxyInstance(Request.class.getClassLoader(),
                new Class<?>[] {Request.class}, (proxy, m, args) -> {
                    if (m.getName().equals("isSecure")) {
                        return true;
                    }
                    if (m.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args);
                    }
                    return m.invoke(r, args);
                });
    }

    /** Returns "name=value" of the reply's Set-Cookie (the part before the first ';'), or null. */
    static String cookiePair(Reply reply) {
        String sc = reply.header("Set-Cookie");
        return sc == null ? null : sc.substring(0, sc.indexOf(';') < 0 ? sc.length() : sc.indexOf(';'));
    }
}
