package dev.courier.testing;

import dev.courier.server.Reply;
import dev.courier.server.Router;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** httpbin's cookie endpoints: show, set and delete, each setter redirecting to {@code /cookies}. */
final class CookieRoutes {

    private CookieRoutes() {
    }

    static void mount(Router r) {
        r.get("/cookies", req -> HttpBin.json(Map.of("cookies", new TreeMap<>(req.cookies()))));
        r.get("/cookies/set/{name}/{value}", req -> HttpBin.redirect("/cookies").newBuilder()
                .cookie(req.pathParam("name") + "=" + req.pathParam("value") + "; Path=/").build());
        r.get("/cookies/set", req -> {
            Reply.Builder b = HttpBin.redirect("/cookies").newBuilder();
            for (Map.Entry<String, List<String>> e : req.queryParams().entrySet()) {
                b.cookie(e.getKey() + "=" + e.getValue().get(0) + "; Path=/");
            }
            return b.build();
        });
        r.get("/cookies/delete", req -> {
            Reply.Builder b = HttpBin.redirect("/cookies").newBuilder();
            for (String name : req.queryParams().keySet()) {
                // Werkzeug's delete_cookie: empty value, expired in the past and Max-Age=0.
                b.cookie(name + "=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
            }
            return b.build();
        });
    }
}
