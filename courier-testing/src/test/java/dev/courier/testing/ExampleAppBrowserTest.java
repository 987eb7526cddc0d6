package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.server.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * uploads, how it keeps the session cookie, and a byte range fetched from a page. Skipped with
 * a message when Chromium or chromedriver is not installed.
 */
class ExampleAppBrowserTest {

    /** 3 MiB: large enough that a range from its middle is not the start of a small file. */
    private static final int BIG_FILE_BYTES = 3 << 20;

    @TempDir
    static Path tmp;

    private static HttpServer server;
    private static HttpServer tlsServer;
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
        server = ExampleApp.start(0, statics);
        base = server.url();
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
        // page's DOM would fold CR LF back to LF, so read the bytes the server rendered instead
        String html = (String) browser.executeAsyncScript(
                "const done = arguments[0]; fetch('/result').then(r => r.text()).then(done)");
        assertTrue(html.contains("data-name=\"comment\">one &amp; two&#13;\nthree=3 +%</dd>"), html);
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
        browser.findElement(By.linkText("Home")).click();
        browser.findElement(By.id("to-forms")).click();
        browser.navigate().back();
        browser.findElement(By.id("to-me")).click();
        assertEquals("Signed in as Åsa", browser.findElement(By.id("who")).getText());

        browser.findElement(By.id("logout")).click();
        waitForPath("/");
        assertEquals("Not signed in", browser.findElement(By.id("who")).getText());
        assertNull(browser.manage().getCookieNamed("sid"), "the browser dropped the cleared cookie");
        browser.get(base + "/me");
        assertEquals("Not signed in", browser.findElement(By.id("who")).getText());
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
        assertNull(browser.manage().getCookieNamed("__Host-sid"));
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
