package dev.courier.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class StatusTest {

    /** The command that wrote python-httpstatus.tsv; the README next to the fixture repeats it. */
    private static final String PYTHON_TABLE = "import http; print('\\n'.join('%d\\t%s\\t%s' % "
            + "(s.value, s.phrase, s.description) for s in http.HTTPStatus))";

    /**
     * Phrases where Courier follows RFC 9110 and Python (before 3.13) does not; each maps to the
     * phrases Python versions are known to use, so the test passes on old and new Pythons.
     */
    private static final Map<Integer, Set<String>> PHRASE_DIFFERENCES = Map.of(
            413, Set.of("Request Entity Too Large", "Content Too Large"),
            414, Set.of("Request-URI Too Long", "URI Too Long"),
            416, Set.of("Requested Range Not Satisfiable", "Range Not Satisfiable"),
            422, Set.of("Unprocessable Entity", "Unprocessable Content"));

    /** Descriptions Courier words differently: 413's follows the RFC 9110 rename (Python 3.13 wording). */
    private static final Map<Integer, Set<String>> DESCRIPTION_DIFFERENCES = Map.of(
            413, Set.of("Entity is too large", "Content is too large"));

    /** Every code of the IANA registry that Courier defines (306 and the temporary 104 left out). */
    private static final int[] IANA = {100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
        300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411,
        412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502,
        503, 504, 505, 506, 507, 508, 510, 511};

    record Row(int code, String phrase, String description) {
    }

    @Test
    void agreesWithTheCommittedPythonTable() throws IOException {
        List<Row> rows;
        try (InputStream in = StatusTest.class.getResourceAsStream("python-httpstatus.tsv")) {
            assertNotNull(in, "fixture python-httpstatus.tsv missing from the test class path");
            rows = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(62, rows.size());
        checkAgainst(rows);
    }

    @Test
    void agreesWithTheInstalledPython() {
        Optional<String> out = Python.run(PYTHON_TABLE, "");
        Assumptions.assumeTrue(out.isPresent(), "python3 not found on PATH; the committed table still runs");
        List<Row> rows = parse(out.get());
        assertTrue(rows.size() >= 60, "python listed only " + rows.size() + " codes");
        checkAgainst(rows);
    }

    private static void checkAgainst(List<Row> rows) {
        Set<Integer> pythonCodes = new TreeSet<>();
        for (Row row : rows) {
            pythonCodes.add(row.code);
            Status s = Status.of(row.code);
            assertTrue(s.isRegistered(), row.code + " is in Python's table but not registered here");
            if (PHRASE_DIFFERENCES.containsKey(row.code)) {
                assertTrue(PHRASE_DIFFERENCES.get(row.code).contains(row.phrase),
                        "unexpected Python phrase for " + row.code + ": " + row.phrase);
            } else {
                assertEquals(row.phrase, s.reason(), "phrase of " + row.code);
            }
            if (DESCRIPTION_DIFFERENCES.containsKey(row.code)) {
                assertTrue(DESCRIPTION_DIFFERENCES.get(row.code).contains(row.description),
                        "unexpected Python description for " + row.code + ": " + row.description);
            } else if (row.description.isEmpty()) {
                // Python has none for this code; ours is our own wording.
                assertFalse(s.description().isEmpty(), "no description for " + row.code);
            } else {
                assertEquals(row.description, s.description(), "description of " + row.code);
            }
        }
        for (int code : IANA) {
            assertTrue(pythonCodes.contains(code), "Python lacks IANA code " + code);
        }
    }

    private static List<Row> parse(String table) {
        List<Row> rows = new ArrayList<>();
        for (String line : table.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertEquals(3, f.length, "bad table line: " + line);
            rows.add(new Row(Integer.parseInt(f[0]), f[1], f[2]));
        }
        return rows;
    }

    @Test
    void usesTheRfc9110PhraseWherePythonDiffers() {
        assertEquals("Content Too Large", Status.of(413).reason());
        assertEquals("URI Too Long", Status.of(414).reason());
        assertEquals("Range Not Satisfiable", Status.of(416).reason());
        assertEquals("Unprocessable Content", Status.of(422).reason());
        assertEquals("I'm a Teapot", Status.of(418).reason());
    }

    @Test
    void registersEveryIanaCode() {
        for (int code : IANA) {
            Status s = Status.of(code);
            assertTrue(s.isRegistered(), code + " not registered");
            assertSame(s, Status.of(code));
            assertFalse(s.reason().startsWith("Unknown"), code + " has a generic reason");
            assertFalse(s.description().isEmpty(), code + " has no description");
        }
    }

    @Test
    void constantsCarryTheirCode() {
        assertSame(Status.OK, Status.of(200));
        assertSame(Status.NOT_FOUND, Status.of(404));
        assertEquals(421, Status.MISDIRECTED_REQUEST.code());
        assertEquals(511, Status.NETWORK_AUTHENTICATION_REQUIRED.code());
        assertEquals("404 Not Found", Status.NOT_FOUND.toString());
        assertEquals("Nothing matches the given URI", Status.NOT_FOUND.description());
    }

    @Test
    void givesEachUnknownCodeAGenericPhraseByClass() {
        assertEquals("Unknown Informational", Status.of(199).reason());
        assertEquals("Unknown Success", Status.of(299).reason());
        assertEquals("Unknown Redirection", Status.of(306).reason());
        assertEquals("Unknown Client Error", Status.of(499).reason());
        assertEquals("Unknown Server Error", Status.of(599).reason());
        assertEquals("499 Unknown Client Error", Status.of(499).toString());
        assertEquals("", Status.of(499).description());
        assertFalse(Status.of(499).isRegistered());
        assertEquals(Optional.of(Status.Kind.CLIENT_ERROR), Status.of(499).kind());
        assertTrue(Status.of(499).isClientError());
        assertEquals(Status.of(499), Status.of(499));
        assertEquals(499, Status.of(499).hashCode());
    }

    @Test
    void leavesCodesAbove599WithoutAClass() {
        Status s = Status.of(799);
        assertEquals(Optional.empty(), s.kind());
        assertEquals("Unknown Status", s.reason());
        assertFalse(s.isInformational() || s.isSuccess() || s.isRedirect() || s.isClientError()
                || s.isServerError() || s.isError());
        assertEquals(999, Status.of(999).code());
    }

    @Test
    void classifiesByFirstDigit() {
        assertEquals(Optional.of(Status.Kind.INFORMATIONAL), Status.CONTINUE.kind());
        assertEquals(Optional.of(Status.Kind.SUCCESS), Status.NO_CONTENT.kind());
        assertEquals(Optional.of(Status.Kind.REDIRECTION), Status.NOT_MODIFIED.kind());
        assertEquals(Optional.of(Status.Kind.CLIENT_ERROR), Status.IM_A_TEAPOT.kind());
        assertEquals(Optional.of(Status.Kind.SERVER_ERROR), Status.LOOP_DETECTED.kind());
        assertTrue(Status.EARLY_HINTS.isInformational());
        assertTrue(Status.IM_USED.isSuccess());
        assertTrue(Status.PERMANENT_REDIRECT.isRedirect());
        assertTrue(Status.TOO_MANY_REQUESTS.isClientError() && Status.TOO_MANY_REQUESTS.isError());
        assertTrue(Status.BAD_GATEWAY.isServerError() && Status.BAD_GATEWAY.isError());
        assertFalse(Status.OK.isError() || Status.FOUND.isError() || Status.OK.isRedirect());
    }

    @Test
    void rejectsCodesOutsideThreeDigitsNamingTheValue() {
        for (int bad : new int[] {-1, 0, 99, 1000, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Status.of(bad));
            assertTrue(e.getMessage().contains(Integer.toString(bad)), e.getMessage());
        }
        assertEquals(100, Status.of(100).code());
    }
}
