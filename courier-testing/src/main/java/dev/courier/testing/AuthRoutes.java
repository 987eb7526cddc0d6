package dev.courier.testing;

import dev.courier.server.Request;
import dev.courier.server.Router;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** httpbin's auth endpoints: Basic (visible and hidden behind a 404) and Bearer. */
final class AuthRoutes {

    private AuthRoutes() {
    }

    static void mount(Router r) {
        r.get("/basic-auth/{user}/{passwd}", req -> checkBasic(req)
                ? HttpBin.json(Map.of("authenticated", true, "user", req.pathParam("user")))
                : StatusReplies.forCode(401));
        r.get("/hidden-basic-auth/{user}/{passwd}", req -> checkBasic(req)
                ? HttpBin.json(Map.of("authenticated", true, "user", req.pathParam("user")))
                : StatusReplies.forCode(404));
        r.get("/bearer", req -> {
            String auth = req.header("Authorization");
            // httpbin 0.9 answers 401 to anything but a Bearer credential (RFC 6750 §2.1).
            if (auth == null || !auth.startsWith("Bearer ")) {
                return HttpBin.emptyHtml(401).header("WWW-Authenticate", "Bearer").build();
            }
            return HttpBin.json(Map.of("authenticated", true, "token", auth.substring(7)));
        });
    }

    /** Returns true when the request carries Basic credentials equal to the path's user and password. */
    private static boolean checkBasic(Request req) {
        String auth = req.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return decoded.equals(req.pathParam("user") + ":" + req.pathParam("passwd"));
    }
}
