package dev.courier.testing;

import dev.courier.http.Method;
import dev.courier.server.AbortException;
import dev.courier.server.Reply;
import dev.courier.server.Request;
import dev.courier.server.Router;

/** httpbin's redirect endpoints: chains of n redirects ending at {@code /get}, and {@code /redirect-to}. */
final class RedirectRoutes {

    private RedirectRoutes() {
    }

    static void mount(Router r) {
        r.get("/redirect/{n}", req -> {
            int n = positive(req);
            boolean absolute = "true".equalsIgnoreCase(req.query("absolute"));
            if (n == 1) {
                return HttpBin.redirect((absolute ? base(req) : "") + "/get");
            }
            return HttpBin.redirect(absolute
                    ? base(req) + "/absolute-redirect/" + (n - 1)
                    : "/relative-redirect/" + (n - 1));
        });
        r.get("/relative-redirect/{n}", req -> {
            int n = positive(req);
            return HttpBin.emptyHtml(302).header("Location", n == 1 ? "/get" : "/relative-redirect/" + (n - 1)).build();
        });
        r.get("/absolute-redirect/{n}", req -> {
            int n = positive(req);
            return HttpBin.redirect(base(req) + (n == 1 ? "/get" : "/absolute-redirect/" + (n - 1)));
        });
        for (Method m : new Method[] {Method.GET, Method.POST, Method.PUT, Method.DELETE, Method.PATCH, Method.TRACE}) {
            r.route(m, "/redirect-to", RedirectRoutes::redirectTo);
        }
    }

    /** Sends the client to {@code url} as given, with {@code status_code} when it is a 3xx, else 302. */
    private static Reply redirectTo(Request req) {
        String url = req.query("url");
        if (url == null) {
            throw new AbortException(400, "redirect-to needs a url parameter, e.g. /redirect-to?url=/get");
        }
        int status = 302;
        String code = req.query("status_code");
        if (code != null) {
            try {
                int c = Integer.parseInt(code.trim());
                if (c >= 300 && c < 400) {
                    status = c;
                }
            } catch (NumberFormatException e) {
                throw new AbortException(400, "status_code must be a number, got " + code);
            }
        }
        return HttpBin.emptyHtml(status).header("Location", url).build();
    }

    private static int positive(Request req) {
        int n = req.pathParamInt("n");
        if (n <= 0) {
            throw new AbortException(404, "the number of redirects must be positive, got " + n);
        }
        return n;
    }

    /** Returns scheme and authority as the client addressed this server, e.g. http://127.0.0.1:8080. */
    static String base(Request req) {
        String url = EchoDict.url(req);
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? url : url.substring(0, slash);
    }
}
