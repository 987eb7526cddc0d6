package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.http.Method;
import dev.courier.server.HttpServer;
import dev.courier.server.Reply;
import dev.courier.server.Router;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The example app driven by a real headless Chromium: what the browser sends for forms and
 * uploads, how it keeps the session cookie, flash messages after a redirect, a form posted from
 * another origin and refused for its missing CSRF token, and a byte range fetched from a page.
 * Skipped with a message when Chromium or chromedriver is not installed.
 */
class ExampleAppBrowserTest {

    /** 3 MiB: large enough that a range from its middle is not the start of a small file. */
    private static final int BIG_FILE_BYTES = 3 << 20;

    @TempDir
    static Path tmp;

    private static HttpServer server;
    private static HttpServer tlsServer;
    /** Another origin (same host, other port), serving a page whose forms post to the app. */
    private static HttpServer otherSite;
    /** What the app saw of each POST, recorded by an after filter (which runs on refusals too). */
    private static final List<SeenPost> posts = new CopyOnWriteArrayList<>();
    private static ChromeDriver browser;
    private static String base;
    private static String unavailable;

    @BeforeAll
    static void startServerAndBrowser() throws IOException, java.security.GeneralSecurityException {
        unavailable = Browser.unavailable();
        if (unavailable != null) {
            return;   // each test is then skipped with the reason (an assumption here would hide it)
        }
        Path statics = Files.createDirectories(tmp.resolve("static"));
        Files.write(statics.resolve("big.bin"), bigFile());
        Router app = ExampleApp.router(statics).after((req, reply) -> {
            if (Method.POST.equals(req.method())) {
                posts.add(new SeenPost(req.path(), reply.status(), req.header("Origin"), req.header("Cookie"),
                        req.header("Sec-Fetch-Site"), req.form().field("_csrf")));
            }
            return reply;
        });
        server = HttpServer.builder().port(0).handler(app).start();
        base = server.url();
        otherSite = HttpServer.builder().port(0)
                .handler(new Router().get("/", req -> Reply.html(otherSitePage(base)))).start();
        tlsServer = HttpServer.builder().port(0).tls(SelfSignedCertificate.get().serverContext())
                .handler(ExampleApp.router(statics)).start();
        // accepts the self-signed certificate of tlsServer (loopback only)
        browser = Browser.start(tmp.resolve("profile"), true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (tlsServer != null) {
            tlsServer.close();
        }
        if (otherSite != null) {
            otherSite.close();
        }
    }

    @BeforeEach
    void freshCookies() {
        Assumptions.assumeTrue(unavailable == null, () -> "browser test skipped: " + unavailable);
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
    }

    @Test
    void anUrlencodedFormWithNonAsciiValuesArrivesDecoded() {
        browser.get(base + "/forms");
        browser.findElement(By.id("name")).sendKeys("Zoë Ådahl 日本 €");
        browser.findElement(By.id("comment")).sendKeys("one & two\nthree=3 +%");
        browser.findElement(By.id("send-form")).click();

        waitForPath("/result");   // 303 after POST: the browser GETs the result
        assertEquals("urlencoded", browser.findElement(By.id("kind")).getText());
        Map<String, String> fields = fields();
        assertEquals("Zoë Ådahl 日本 €", fields.get("name"));
        // HTML's form submission sends textarea line breaks as CRLF (WHATWG HTML §4.10.21.8); the
        // page's DOM folds CR LF back to LF (§13.2.3.5), so read the text the server rendered; the
        // script returns it JSON-encoded because a bare CR in a script's result string did not
        // survive the trip through chromedriver (seen: the returned string had LF only)
        String json = (String) browser.executeAsyncScript(
                "const done = arguments[0]; fetch('/result').then(r => r.text()).then(t => done(JSON.stringify(t)))");
        assertTrue(json.contains("data-name=\\\"comment\\\">one &amp; two\\r\\nthree=3 +%</dd>"), json);
    }

    @Test
    void aMultipartFormWithSeveralFilesArrivesDecoded() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("uploads"));
        Path quoted = Files.writeString(dir.resolve("résumé \"final\" ☃.txt"), "hello, Zoë\n");
        Path binary = Files.write(dir.resolve("data.bin"), Arrays.copyOf(bigFile(), 100_000));
        browser.get(base + "/forms");
        browser.findElement(By.id("title")).sendKeys("Grüße");
        browser.findElement(By.id("files")).sendKeys(quoted + "\n" + binary);
        browser.findElement(By.id("send-upload")).click();

        waitForPath("/result");
        assertEquals("multipart", browser.findElement(By.id("kind")).getText());
        assertEquals("Grüße", fields().get("title"));
        List<WebElement> files = browser.findElements(By.className("file"));
        assertEquals(2, files.size());
        // Chromium writes the name as raw UTF-8 with '"' escaped as %22 (WHATWG HTML multipart
        // encoding); the server keeps such escapes as sent (see ContentDisposition).
        assertEquals("résumé %22final%22 ☃.txt", files.get(0).getText());
        assertEquals(String.valueOf("hello, Zoë\n".getBytes(StandardCharsets.UTF_8).length),
                files.get(0).getAttribute("data-size"));
        assertEquals("text/plain", files.get(0).getAttribute("data-type"));
        assertEquals("data.bin", files.get(1).getText());
        assertEquals("100000", files.get(1).getAttribute("data-size"));
        assertEquals("files", files.get(1).getAttribute("data-field"));
    }

    @Test
    void aLoginSurvivesNavigationAndIsGoneAfterLogout() {
        logIn("Åsa");
        assertEquals("Signed in as Åsa", browser.findElement(By.id("who")).getText());
        // Each click waits for its page: the home page shows "Signed in as" too, so reading #who
        // before the click to /me has navigated would pass without looking at /me.
        browser.findElement(By.linkText("Home")).click();
        waitForPath("/");
        browser.findElement(By.id("to-forms")).click();
        waitForPath("/forms");
        browser.navigate().back();
        waitForPath("/");
        browser.findElement(By.id("to-me")).click();
        waitForPath("/me");
        assertEquals("Signed in as Åsa", browser.findElement(By.id("who")).getText());

        String signedIn = browser.manage().getCookieNamed("sid").getValue();
        browser.findElement(By.id("logout")).click();
        waitForPath("/");
        assertEquals("Not signed in", browser.findElement(By.id("who")).getText());
        assertEquals(List.of("Signed out"), flashes());
        // The "Signed out" note lives in a new, anonymous session: the browser holds its ID now.
        Cookie after = browser.manage().getCookieNamed("sid");
        assertTrue(after == null || !after.getValue().equals(signedIn), "the signed-in ID was replaced");
        browser.get(base + "/me");
        assertEquals("Not signed in", browser.findElement(By.id("who")).getText());
        browser.manage().addCookie(new Cookie("sid", signedIn, "/"));
        browser.get(base + "/me");
        assertEquals("Not signed in", browser.findElement(By.id("who")).getText(), "the old ID is dead on the server");
    }

    @Test
    void theSessionCookieIsStoredHttpOnlyLaxHostOnlyForTheWholeSite() {
        logIn("ada");
        Cookie sid = browser.manage().getCookieNamed("sid");
        assertNotNull(sid, () -> "cookies: " + browser.manage().getCookies());
        assertEquals(43, sid.getValue().length());
        assertTrue(sid.isHttpOnly());
        assertFalse(sid.isSecure(), "plain HTTP");
        assertEquals("/", sid.getPath());
        assertEquals("Lax", sid.getSameSite());
        assertNull(sid.getExpiry(), "a browser-session cookie");
        assertEquals("127.0.0.1", sid.getDomain());
        assertEquals(Boolean.FALSE, browser.executeScript("return document.cookie.includes('sid=')"),
                "HttpOnly: page scripts cannot read it");
    }

    @Test
    void overHttpsTheBrowserStoresAHostPrefixedSecureCookie() {
        String https = tlsServer.url();
        assertTrue(https.startsWith("https://127.0.0.1:"), https);
        browser.get(https + "/login");
        browser.findElement(By.id("user")).sendKeys("ada");
        browser.findElement(By.id("password")).sendKeys(ExampleApp.PASSWORD);
        browser.findElement(By.id("login")).click();
        waitForUrl(https + "/me");
        assertEquals("Signed in as ada", browser.findElement(By.id("who")).getText());
        Cookie sid = browser.manage().getCookieNamed("__Host-sid");
        assertNotNull(sid, () -> "cookies: " + browser.manage().getCookies());
        assertTrue(sid.isSecure());
        assertTrue(sid.isHttpOnly());
        assertEquals("/", sid.getPath());
        assertEquals("Lax", sid.getSameSite());
        assertNull(browser.manage().getCookieNamed("sid"));
        browser.findElement(By.id("logout")).click();
        waitForUrl(https + "/");
        assertEquals("Not signed in", browser.findElement(By.id("who")).getText());
        Cookie after = browser.manage().getCookieNamed("__Host-sid");
        assertTrue(after == null || !after.getValue().equals(sid.getValue()), "the signed-in ID was replaced");
    }

    @Test
    void anIdPlantedBeforeLoginIsReplaced() {
        String planted = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        browser.manage().addCookie(new Cookie("sid", planted, "/"));
        logIn("ada");
        String after = browser.manage().getCookieNamed("sid").getValue();
        assertNotEquals(planted, after, () -> "cookies: " + browser.manage().getCookies());
        assertEquals("Signed in as ada", browser.findElement(By.id("who")).getText());
    }

    @Test
    void aTemplatedFormPostsWithItsHiddenTokenAndTheNextPageShowsTheFlashOnce() {
        browser.get(base + "/forms");
        assertEquals("Forms", browser.getTitle());
        String token = browser.findElement(By.cssSelector("#urlencoded input[type=hidden][name=_csrf]"))
                .getAttribute("value");
        assertEquals(43, token.length(), token);   // 32 random bytes, base64url without padding
        browser.findElement(By.id("name")).sendKeys("Ada");
        browser.findElement(By.id("send-form")).click();

        waitForPath("/result");
        assertEquals(List.of("Form received"), flashes());
        assertEquals("Ada", fields().get("name"));
        SeenPost seen = posts.get(posts.size() - 1);
        assertEquals("/form", seen.path());
        assertEquals(303, seen.status());
        assertEquals(token, seen.csrfField(), "the token rode in the hidden field");

        browser.navigate().refresh();
        waitForPath("/result");
        assertEquals(List.of(), flashes(), "a flash message shows once");
        assertEquals("Ada", fields().get("name"), "the result itself is still there");
    }

    @Test
    void formsOnAnotherOriginPostWithTheSessionCookieButNoTokenAndAreRefused() {
        logIn("ada");
        browser.get(base + "/forms");
        browser.findElement(By.id("name")).sendKeys("ada's note");
        browser.findElement(By.id("send-form")).click();
        waitForPath("/result");

        for (String button : List.of("claim", "leave")) {
            browser.get(otherSite.url() + "/");
            assertEquals("Win a prize", browser.getTitle());
            int before = posts.size();
            browser.findElement(By.id(button)).click();
            waitForPath(button.equals("claim") ? "/form" : "/logout");

            assertEquals("Forbidden", browser.findElement(By.tagName("h1")).getText());
            assertTrue(browser.findElement(By.id("forbidden")).getText().startsWith("This request was refused"));
            assertEquals(before + 1, posts.size());
            SeenPost seen = posts.get(before);
            assertEquals(403, seen.status());
            assertEquals(otherSite.url(), seen.origin(), "a cross-origin POST");
            // 127.0.0.1 on another port is another origin but the same site, so the SameSite=Lax
            // cookie rides along: only the token stops the request (the classic CSRF case).
            assertEquals("same-site", seen.fetchSite());
            assertTrue(seen.cookie() != null && seen.cookie().contains("sid="), () -> "cookie: " + seen.cookie());
            assertNull(seen.csrfField());
        }

        browser.get(base + "/result");
        assertEquals("ada's note", fields().get("name"), "the stored result is unchanged");
        assertFalse(browser.getPageSource().contains("mallory"));
        browser.get(base + "/me");
        assertEquals("Signed in as ada", browser.findElement(By.id("who")).getText(), "still signed in");
    }

    @Test
    void aFormWhoseTokenWasTamperedWithIsRefused() {
        browser.get(base + "/forms");
        // Change the first character to one it is not: a random token starts with 'x' one time in 64.
        browser.executeScript("const f = document.querySelector('#urlencoded input[name=_csrf]');"
                + "f.value = (f.value[0] === 'x' ? 'y' : 'x') + f.value.substring(1);");
        browser.findElement(By.id("name")).sendKeys("eve");
        browser.findElement(By.id("send-form")).click();
        waitForPath("/form");
        assertEquals("Forbidden", browser.findElement(By.tagName("h1")).getText());
        browser.get(base + "/result");
        assertFalse(fields().containsValue("eve"));
    }

    @Test
    void aPageFetchesAByteRangeOfALargeStaticFile() {
        browser.get(base + "/forms");
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch('/static/big.bin', {headers: {'Range': 'bytes=1000000-1000015'}})"
                + ".then(async res => done({status: res.status, range: res.headers.get('Content-Range'),"
                + " accept: res.headers.get('Accept-Ranges'), bytes: Array.from(new Uint8Array(await res.arrayBuffer()))}))"
                + ".catch(e => done({error: String(e)}));");
        assertNull(r.get("error"));
        assertEquals(206L, r.get("status"));
        assertEquals("bytes 1000000-1000015/" + BIG_FILE_BYTES, r.get("range"));
        byte[] got = new byte[16];
        List<?> list = (List<?>) r.get("bytes");
        for (int i = 0; i < got.length; i++) {
            got[i] = (byte) ((Number) list.get(i)).intValue();
        }
        assertEquals(16, list.size());
        assertArrayEquals(Arrays.copyOfRange(bigFile(), 1_000_000, 1_000_016), got);
    }

    private static void logIn(String user) {
        browser.get(base + "/login");
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(ExampleApp.PASSWORD);
        browser.findElement(By.id("login")).click();
        waitForPath("/me");
    }

    /**
     * Waits until the browser shows {@code path}: a click that submits a form may return before
     * the navigation is done, and reading cookies or the DOM earlier would race it.
     */
    private static void waitForPath(String path) {
        waitForUrl(base + path);
    }

    private static void waitForUrl(String url) {
        long deadline = System.nanoTime() + Browser.DEFAULT_TIMEOUT.toNanos();
        while (!browser.getCurrentUrl().equals(url) || !"complete".equals(
                browser.executeScript("return document.readyState"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the browser did not reach " + url + " in " + Browser.DEFAULT_TIMEOUT
                        + "; it is at " + browser.getCurrentUrl());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Returns the texts of the flash messages the page shows. */
    private static List<String> flashes() {
        return browser.findElements(By.className("flash")).stream().map(WebElement::getText).collect(Collectors.toList());
    }

    /**
     * Returns the page of the other site: two innocent-looking buttons whose forms post to the
     * app without its token, one as if to store a result, one to sign the user out.
     */
    private static String otherSitePage(String app) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Win a prize</title></head><body>"
                + "<form method=\"post\" action=\"" + app + "/form\">"
                + "<input type=\"hidden\" name=\"name\" value=\"mallory\">"
                + "<button id=\"claim\" type=\"submit\">Claim your prize</button></form>"
                + "<form method=\"post\" action=\"" + app + "/logout\">"
                + "<button id=\"leave\" type=\"submit\">No thanks</button></form></body></html>";
    }

    /** One POST as the app saw it: its path, the reply's status, and what the browser sent. */
    private record SeenPost(String path, int status, String origin, String cookie, String fetchSite, String csrfField) {
    }

    private static Map<String, String> fields() {
        return browser.findElements(By.className("field")).stream()
                .collect(Collectors.toMap(e -> e.getAttribute("data-name"), WebElement::getText, (a, b) -> a));
    }

    /** Returns the bytes of big.bin: a counter pattern, so that any offset has distinct bytes. */
    private static byte[] bigFile() {
        byte[] b = new byte[BIG_FILE_BYTES];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + (i >>> 8));
        }
        return b;
    }
}
