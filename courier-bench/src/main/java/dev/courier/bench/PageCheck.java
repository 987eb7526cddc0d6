package dev.courier.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Checks, before anything is timed, that the pages suite compares like with like: each server's
 * page has its 50 rows with every name escaped, and Courier's and Flask's pages say the same thing.
 *
 * <p>"The same" allows only what the two template engines spell differently for the same meaning:
 * Pebble writes a double quote as {@code &quot;} where Jinja2 (MarkupSafe) writes {@code &#34;},
 * and whitespace between tags, which the Flask app's Jinja2 settings make equal today but another
 * version of either engine may not. {@link #normalise} removes exactly those differences; anything
 * else (an unescaped name, a missing row, another price) fails the suite.
 */
final class PageCheck {

    /** How long one fetch of the page may take; a server this slow is broken, not slow. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Longest excerpt of each page quoted when they differ. */
    private static final int EXCERPT = 120;

    private PageCheck() {
    }

    /**
     * Returns the body of {@code GET path} on 127.0.0.1:{@code port}, e.g. {@code fetch(8080, "/page")}.
     *
     * @throws IOException unless the answer is 200 with an HTML content type
     */
    static String fetch(int port, String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT).build();
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String type = r.headers().firstValue("Content-Type").orElse("");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (r.statusCode() != 200 || !type.startsWith("text/html")) {
            throw new IOException("GET " + path + " on port " + port + " answered " + r.statusCode() + " " + type + ": "
                    + excerpt(body, 0));
        }
        return body;
    }

    /**
     * Checks that {@code page} (from {@code server}) has the content every run must serve.
     *
     * @throws IllegalStateException naming what is missing or unescaped
     */
    static void checkShape(String server, String page) {
        int rows = count(page, "<tr id=\"product-");
        if (rows != PagesBench.ROWS) {
            throw mismatch(server + "'s page has " + rows + " product rows, expected " + PagesBench.ROWS);
        }
        if (page.contains("<b>") || page.contains("<admin>")) {
            throw mismatch(server + "'s page contains an unescaped name: autoescaping is off");
        }
        for (String expected : new String[] {"Widget &lt;b&gt;50&lt;/b&gt; &amp; ", "Ada &lt;admin&gt;",
            ">68.50 EUR<", "sold out", "in stock", "<nav>", ">50 products shown to "}) {
            if (!page.contains(expected)) {
                throw mismatch(server + "'s page lacks " + expected);
            }
        }
    }

    /**
     * Checks that the two pages say the same once {@link #normalise normalised}.
     *
     * @throws IllegalStateException quoting both pages where they first differ
     */
    static void compare(String courier, String flask) {
        String a = normalise(courier);
        String b = normalise(flask);
        if (a.equals(b)) {
            return;
        }
        int at = 0;
        while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
            at++;
        }
        throw mismatch("Courier's and Flask's pages differ after normalising (" + a.length() + " vs " + b.length()
                + " chars), first at char " + at + ":\n  courier: " + excerpt(a, at) + "\n  flask:   " + excerpt(b, at)
                + "\nThe two apps must render the same page; fix the templates or the models before measuring.");
    }

    /**
     * Returns {@code page} with the spellings that differ between Pebble and Jinja2 made one:
     * {@code &#34;} becomes {@code &quot;}, {@code &#x27;} becomes {@code &#39;}, whitespace
     * between tags is dropped and other runs of whitespace become one space.
     */
    static String normalise(String page) {
        return page.replace("&#34;", "&quot;").replace("&#x27;", "&#39;")
                .replaceAll(">\\s+<", "><").replaceAll("\\s+", " ").trim();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private static String excerpt(String s, int at) {
        int from = Math.max(0, at - EXCERPT / 4);
        String cut = s.substring(from, Math.min(s.length(), from + EXCERPT));
        return (from > 0 ? "…" : "") + cut.replace("\n", "\\n") + (from + EXCERPT < s.length() ? "…" : "");
    }

    private static IllegalStateException mismatch(String message) {
        return new IllegalStateException("pages suite: " + message);
    }
}
