package dev.courier.cli;

import dev.courier.Body;
import dev.courier.Request;
import dev.courier.Response;
import dev.courier.Session;
import dev.courier.SessionBuilder;
import dev.courier.cookie.Cookie;
import dev.courier.cookie.CookieJar;
import dev.courier.cookie.PersistentCookieJar;
import dev.courier.http.Method;
import java.io.ByteArrayInputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one {@code courier [METHOD] URL [ITEM...]}: reads stdin and the session, plans the request
 * ({@link PlanBuilder}), prints it, sends it with a {@link Session} unless {@code --offline},
 * prints or downloads the response, and returns HTTPie's exit status.
 */
final class Runner {

    private final Options o;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final Terminal term;

    Runner(Options o, InputStream stdin, PrintStream out, PrintStream err, Terminal term) {
        this.o = o;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.term = term;
    }

    int run() throws IOException {
        if (o.resume && (o.output == null || !o.download)) {
            throw new CliException("--continue only works with --download and --output FILE");
        }
        // 1. Body from stdin, as HTTPie: when piped, unless --ignore-stdin or --raw.
        byte[] piped = !o.ignoreStdin && o.raw == null && !term.stdin() ? stdin.readAllBytes() : null;
        if (piped != null && piped.length == 0 && hasDataItems()) {
            piped = null; // an empty pipe (e.g. </dev/null) does not fight with data items
        }
        Target early = Target.of(urlArg(), o.defaultScheme, List.of());
        String sessionName = o.sessionReadOnly != null ? o.sessionReadOnly : o.session;
        HttpieSession session = sessionName == null ? null : HttpieSession.load(sessionName, early.host());

        // 2. Credentials: -a, else the session's, else the URL's user info.
        String authType = o.authType.toLowerCase(Locale.ROOT);
        String rawAuth = o.auth;
        if (rawAuth == null && session != null && session.rawAuth != null) {
            rawAuth = session.rawAuth;
            authType = session.authType;
        }
        String authorization = authorization(rawAuth, authType, early);

        // 3. Cookies: --cookies (cookies.txt, curl's format) or the session's.
        // Offline without a session or cookie file there are no cookies to show, so no jar: building
        // one loads the public suffix list (about a third of the start-up of --offline).
        CookieJar jar = o.offline && session == null && o.cookies == null ? null : cookieJar(session, early);
        String cookieHeader = jar == null ? null : jar.cookieHeader(URI.create(early.url())).orElse(null);

        RequestPlan plan = new PlanBuilder(o, piped, session == null ? List.of() : session.headers, cookieHeader)
                .build(authorization);
        String what = printSpec();
        Printer printer = printer(out);
        boolean printedRequest = printRequest(plan, what, printer);
        if (o.offline) {
            return ExitStatus.SUCCESS;
        }
        try (Session s = session(jar, plan.target().url())) {
            Response r = send(s, plan, cookieHeader);
            // HTTPie separates messages with a blank line pair only after one whose body part is printed.
            if (printedRequest && what.contains("B") && (what.contains("h") || what.contains("b"))) {
                printer.separator();
            }
            if (o.all) {
                for (Response hop : r.history()) {
                    printResponse(hop, what, printer, false);
                    if (what.contains("b")) {
                        printer.separator();
                    }
                }
            }
            int status = o.download ? download(r, printer) : printResponse(r, what, printer, true);
            if (session != null && o.sessionReadOnly == null) {
                saveSession(session, plan, rawAuth, authType, jar);
            }
            return status;
        }
    }

    private boolean hasDataItems() {
        int start = o.positionals.size() >= 2 && o.positionals.get(0).chars().allMatch(Character::isLetter) ? 2 : 1;
        for (String raw : o.positionals.subList(Math.min(start, o.positionals.size()), o.positionals.size())) {
            if (ItemParser.parse(raw).separator().isData()) {
                return true;
            }
        }
        return false;
    }

    private String urlArg() {
        List<String> p = o.positionals;
        return p.size() >= 2 && !p.get(0).isEmpty() && p.get(0).chars().allMatch(c -> c < 0x80 && Character.isLetter(c))
                ? p.get(1) : p.get(0);
    }

    private String authorization(String raw, String type, Target target) {
        if (raw == null) {
            String info = target.userInfo();
            return info == null ? null : PlanBuilder.basic(java.net.URLDecoder.decode(info,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (type.equals("bearer")) {
            return "Bearer " + raw;
        }
        if (!type.equals("basic")) {
            throw new CliException("unknown --auth-type '" + type + "'; use basic or bearer");
        }
        if (raw.indexOf(':') < 0) {
            Console console = System.console();
            if (console == null) {
                throw new CliException("no password for user '" + raw + "' and no terminal to ask on; use -a "
                        + raw + ":PASSWORD");
            }
            char[] pw = console.readPassword("courier: password for %s@%s: ", raw, target.host());
            raw = raw + ":" + (pw == null ? "" : new String(pw));
        }
        return PlanBuilder.basic(raw);
    }

    private CookieJar cookieJar(HttpieSession session, Target target) {
        if (o.cookies != null) {
            return PersistentCookieJar.builder(Path.of(o.cookies)).saveSessionCookies(true).lenient().build();
        }
        CookieJar jar = CookieJar.inMemory();
        if (session != null) {
            for (Cookie c : session.courierCookies(URI.create(target.url()))) {
                jar.add(c);
            }
        }
        return jar;
    }

    private Session session(CookieJar jar, String url) {
        SessionBuilder b = Session.builder().cookies(jar).followRedirects(o.follow || o.download)
                .maxRedirects(o.maxRedirects).poolSize(0);
        if (o.timeout != null) {
            b.timeout(Duration.ofMillis((long) (o.timeout * 1000)));
        }
        String verify = o.verify.toLowerCase(Locale.ROOT);
        if (verify.equals("no") || verify.equals("false")) {
            b.insecureSkipTlsVerificationDangerously();
        } else if (!verify.equals("yes") && !verify.equals("true")) {
            b.trustPem(Path.of(PlanBuilder.expandHome(o.verify)));
        }
        if (o.cert != null) {
            b.clientCertificate(ClientCert.load(o.cert, o.certKey), ClientCert.PASSWORD);
        }
        String proxy = proxyFor(url);
        if (proxy != null) {
            try {
                b.proxy(proxy);
            } catch (IllegalArgumentException e) {
                throw new CliException("--proxy: " + e.getMessage());
            }
        }
        return b.build();
    }

    /**
     * Returns the --proxy URL given for the scheme of {@code url} (the last one wins, as in HTTPie),
     * or null. A session has one proxy, so redirects to the other scheme go through it too.
     */
    private String proxyFor(String url) {
        String scheme = url.substring(0, Math.max(0, url.indexOf(':'))).toLowerCase(Locale.ROOT);
        String found = null;
        for (String spec : o.proxies) {
            int colon = spec.indexOf(':');
            String protocol = colon < 0 ? "" : spec.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!protocol.equals("http") && !protocol.equals("https") || colon == spec.length() - 1) {
                throw new CliException("--proxy must be PROTOCOL:URL with PROTOCOL http or https, e.g. "
                        + "--proxy=https:http://proxy:3128, not '" + spec + "'");
            }
            if (protocol.equals(scheme)) {
                found = spec.substring(colon + 1);
            }
        }
        return found;
    }

    private Response send(Session s, RequestPlan plan, String jarCookie) {
        Request.Builder rb = s.request(Method.of(plan.method()), plan.target().url());
        for (HeaderOrder.Field f : plan.headers()) {
            String n = f.name();
            boolean framing = n.equalsIgnoreCase("Content-Length") || n.equalsIgnoreCase("Transfer-Encoding");
            boolean fromJar = n.equalsIgnoreCase("Cookie") && f.value().equals(jarCookie);
            if (!framing && !fromJar) {
                rb.header(n, f.value());
            }
        }
        if (plan.multipart() != null) {
            rb.body(Body.multipart(plan.multipart()));
        } else if (plan.body() != null) {
            rb.body(plan.chunked() ? Body.stream(new ByteArrayInputStream(plan.body())) : Body.bytes(plan.body()));
        } else if (plan.headers().contains(new HeaderOrder.Field("Content-Length", "0"))) {
            // requests sends Content-Length: 0 on a bodyless DELETE (any method but GET/HEAD);
            // the library only does so for POST/PUT/PATCH, so an empty body makes it say it.
            rb.body(Body.bytes(new byte[0]));
        }
        long offset = o.download ? Downloader.resumeOffset(o.output, o.resume) : 0;
        if (offset > 0) {
            rb.header("Range", "bytes=" + offset + "-");
        }
        rb.stream(o.stream || o.download);
        Response r = rb.send();
        if (offset > 0 && r.statusCode() == 206) {
            resumedFrom = offset;
        }
        return r;
    }

    private long resumedFrom;

    private int download(Response r, Printer printer) throws IOException {
        Printer toErr = printer(err);
        toErr.responseHead(r);
        int status = checkStatus(r);
        if (r.statusCode() >= 300) {
            r.close();
            return status == 0 ? ExitStatus.ERROR : status;
        }
        if (o.resume && resumedFrom == 0 && Downloader.resumeOffset(o.output, true) > 0) {
            err.println("courier: the server ignored the Range request; downloading the whole file again");
        }
        Downloader.save(r, o.output, resumedFrom, err, term.stderr());
        return status;
    }

    private int printResponse(Response r, String what, Printer printer, boolean last) throws IOException {
        if (what.contains("h")) {
            printer.responseHead(r);
        }
        if (what.contains("b")) {
            if (o.stream && last) {
                try (InputStream in = r.stream()) {
                    printer.stream(in);
                }
            } else {
                printer.body(r.bytes(), r.header("Content-Type"));
            }
        } else {
            r.close();
        }
        if (what.contains("m")) {
            printer.text(String.format(Locale.ROOT, "%n%nElapsed time: %.3fs%n", r.elapsed().toNanos() / 1e9));
        }
        return last ? checkStatus(r) : 0;
    }

    private int checkStatus(Response r) {
        if (!o.checkStatus) {
            return ExitStatus.SUCCESS;
        }
        int status = ExitStatus.forHttpStatus(r.statusCode(), o.follow);
        if (status != 0 && !term.stdout()) {
            err.println("courier: warning: HTTP " + r.statusCode() + " " + r.reason());
        }
        return status;
    }

    private boolean printRequest(RequestPlan plan, String what, Printer printer) {
        boolean any = false;
        if (what.contains("H")) {
            printer.requestHead(plan);
            any = true;
        }
        if (what.contains("B") && plan.hasBody()) {
            byte[] body = plan.bodyBytes();
            printer.body(body, contentType(plan));
            any = true;
        }
        return any;
    }

    private static String contentType(RequestPlan plan) {
        for (HeaderOrder.Field f : plan.headers()) {
            if (f.name().equalsIgnoreCase("Content-Type")) {
                return f.value();
            }
        }
        return null;
    }

    /** HTTPie's defaults: HB offline, HBhb with -v, hb on a terminal, b when redirected. */
    String printSpec() {
        String spec;
        if (o.quiet) {
            spec = "";
        } else if (o.print != null) {
            spec = o.print;
        } else if (o.verbose.length > 0) {
            spec = o.verbose.length > 1 ? "HBhbm" : "HBhb";
        } else if (o.headersOnly) {
            spec = "h";
        } else if (o.bodyOnly) {
            spec = "b";
        } else if (o.offline) {
            spec = "HB";
        } else {
            spec = term.stdout() && o.output == null ? "hb" : "b";
        }
        for (char c : spec.toCharArray()) {
            if ("HBhbm".indexOf(c) < 0) {
                throw new CliException("unknown --print letter '" + c + "'; use H, B, h, b or m");
            }
        }
        return spec;
    }

    private Printer printer(PrintStream stream) {
        String pretty = o.pretty;
        if (pretty == null) {
            pretty = term.stdout() && o.output == null && stream == out ? "all" : "none";
        }
        pretty = pretty.toLowerCase(Locale.ROOT);
        if (!List.of("all", "colors", "format", "none").contains(pretty)) {
            throw new CliException("--pretty must be all, colors, format or none, not '" + pretty + "'");
        }
        boolean format = pretty.equals("all") || pretty.equals("format");
        boolean colors = pretty.equals("all") || pretty.equals("colors");
        return new Printer(stream, colors, format, o.sorted || format && !o.unsorted, stream == out ? term.stdout()
                : term.stderr());
    }

    private void saveSession(HttpieSession session, RequestPlan plan, String rawAuth, String authType, CookieJar jar) {
        // As HTTPie: the user's headers persist, except Content-* and If-* (per request) and Cookie.
        List<HeaderOrder.Field> headers = new ArrayList<>(session.headers);
        for (String raw : o.positionals) {
            RequestItem it;
            try {
                it = ItemParser.parse(raw);
            } catch (CliException notAnItem) {
                continue;
            }
            String n = it.key().toLowerCase(Locale.ROOT);
            if (it.separator() == RequestItem.Separator.HEADER && !it.value().isEmpty() && !n.startsWith("content-")
                    && !n.startsWith("if-") && !n.equals("cookie")) {
                headers.removeIf(f -> f.name().equalsIgnoreCase(it.key()));
                headers.add(new HeaderOrder.Field(it.key(), it.value()));
            }
        }
        session.save(headers, rawAuth == null ? null : authType, rawAuth, jar.all());
    }
}
