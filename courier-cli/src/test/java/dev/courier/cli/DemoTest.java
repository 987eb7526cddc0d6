package dev.courier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code courier demo} passes every step with no network. */
class DemoTest {

    @Test
    void demoPassesEveryStepAndExitsZero() {
        Cli.Result r = Cli.run("demo");
        String t = r.text();
        assertEquals(0, r.status(), t + r.err());
        assertEquals(7, t.lines().filter(l -> l.endsWith(" ok")).count(), t);
        assertTrue(t.endsWith("all steps passed\n"), t);
    }
}
