package dev.courier.cookie;

import dev.courier.json.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The IETF http-state cookie suite from {@code ../shared/vectors/cookies}: one dynamic test per
 * case. DISABLED_ cases run too; a failing one is reported as aborted, never as passed.
 */
class HttpStateVectorsTest {

    /**
     * The suite dates from 2011 and hard-codes Expires dates: 2019 must still lie ahead and 2007
     * behind (cases 0002, 0003, COMMA0006). The clock is pinned to mid-2011, when it was written.
     */
    static final Instant SUITE_TIME = Instant.parse("2011-06-01T00:00:00Z");

    private static final AtomicInteger DISABLED_RUN = new AtomicInteger();
    private static final AtomicInteger DISABLED_PASSED = new AtomicInteger();

    static Path vectors() {
        String shared = System.getProperty("courier.shared");
        Assumptions.assumeTrue(shared != null, "system property courier.shared is not set; run through Maven");
        Path dir = Path.of(shared, "vectors", "cookies");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared vectors folder " + dir + " is absent; skipping http-state suite");
        return dir;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(String file) throws IOException {
        // Some of the suite's files open with // licence lines, which JSON does not allow.
        StringBuilder json = new StringBuilder();
        for (String line : Files.readAllLines(vectors().resolve(file), StandardCharsets.UTF_8)) {
            if (!line.stripLeading().startsWith("//")) {
                json.append(line).append('\n');
            }
        }
        return (List<Map<String, Object>>) Json.parse(json.toString());
    }

    @TestFactory
    Stream<DynamicTest> parserCases() throws IOException {
        List<Map<String, Object>> cases = cases("http-state-parser.json");
        assertTrue(cases.size() > 200, "expected the full suite, found " + cases.size() + " cases");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            String id = (String) c.get("test");
            tests.add(DynamicTest.dynamicTest(id, () -> runParserCase(id, c)));
        }
        tests.add(DynamicTest.dynamicTest("disabledCasesAreCounted", () -> {
            System.out.println("http-state DISABLED_ cases passing: " + DISABLED_PASSED.get() + " of " + DISABLED_RUN.get());
            assertTrue(DISABLED_RUN.get() > 0, "the suite has DISABLED_ cases; none ran");
        }));
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void runParserCase(String id, Map<String, Object> c) {
        MemoryCookieJar jar = MemoryCookieJar.builder().clock(Clock.fixed(SUITE_TIME, ZoneOffset.UTC)).build();
        URI received = URI.create("http://home.example.org:8888/cookie-parser?" + id);
        List<String> headers = (List<String>) c.get("received");
        List<String> log = new ArrayList<>();
        for (String h : headers) {
            // Each Set-Cookie arrives as its own header field.
            for (StoreOutcome o : jar.store(received, List.of(h))) {
                log.add(o.message());
            }
        }
        String sentTo = (String) c.get("sent-to");
        URI target = sentTo == null
                ? URI.create("http://home.example.org:8888/cookie-parser-result?" + id)
                : received.resolve(sentTo);
        List<String> expected = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) c.get("sent")) {
            expected.add(s.get("name") + "=" + s.get("value"));
        }
        List<String> actual = new ArrayList<>();
        for (Cookie k : jar.cookiesFor(target)) {
            actual.add(k.pair());
        }
        if (id.startsWith("DISABLED_")) {
            DISABLED_RUN.incrementAndGet();
            boolean pass = expected.equals(actual);
            if (pass) {
                DISABLED_PASSED.incrementAndGet();
            }
            Assumptions.assumeTrue(pass, () -> "disabled case does not pass (not required): expected "
                    + expected + ", sent " + actual + "; jar said " + log);
            return;
        }
        assertEquals(expected, actual, () -> "cookies sent to " + target + "; jar said " + log);
    }

    @TestFactory
    Stream<DynamicTest> dateCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("http-state-dates.json", "http-state-dates-bsd.json")) {
            for (Map<String, Object> c : cases(file)) {
                String input = (String) c.get("test");
                String expected = (String) c.get("expected");
                tests.add(DynamicTest.dynamicTest(file + ": " + input, () -> {
                    Instant want = expected == null ? null
                            : ZonedDateTime.parse(expected, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    assertEquals(want, CookieDates.parse(input), () -> "cookie-date " + CookieChars.quote(input));
                }));
            }
        }
        assertTrue(tests.size() >= 70, "expected both date files, found " + tests.size() + " cases");
        return tests.stream();
    }
}
