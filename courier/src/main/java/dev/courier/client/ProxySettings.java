package dev.courier.client;

import java.util.List;
import java.util.Locale;

/**
 * An HTTP proxy and the hosts that bypass it. Plain http requests go to the proxy in absolute
 * form ({@code GET http://host/path HTTP/1.1}, RFC 9112 §3.2.2); https goes through a
 * {@code CONNECT host:port} tunnel (RFC 9110 §9.3.6) with TLS end to end, so the proxy sees
 * neither the request nor the certificate check.
 *
 * @param host the proxy's host
 * @param port the proxy's port
 * @param authorization the {@code Proxy-Authorization} value to send, or null
 * @param noProxy host names (and their subdomains) and IP literals reached directly; {@code "*"}
 *     means every host
 */
public record ProxySettings(String host, int port, String authorization, List<String> noProxy) {

    /** Checks and normalizes the parts: a host and a port in range, lower-case bypass names without dots around. */
    public ProxySettings {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the proxy needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port " + port + " is not in 1..65535");
        }
        noProxy = noProxy.stream().map(ProxySettings::normalize).filter(h -> !h.isEmpty()).toList();
    }

    /** Returns true when requests to {@code targetHost} go through the proxy. */
    public boolean appliesTo(String targetHost) {
        String h = normalize(targetHost);
        for (String bypass : noProxy) {
            // As curl and requests read NO_PROXY: a name matches itself and its subdomains.
            if (bypass.equals("*") || h.equals(bypass) || h.endsWith("." + bypass)) {
                return false;
            }
        }
        return true;
    }

    private static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.startsWith(".")) {
            h = h.substring(1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    @Override
    public String toString() {
        // Never the credentials: this string ends up in error messages and logs.
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
