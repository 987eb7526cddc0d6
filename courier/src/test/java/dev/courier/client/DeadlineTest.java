package dev.courier.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void unsetDeadlineLeavesTheStepTimeoutAlone() {
        Deadline d = Deadline.after(null);
        assertFalse(d.isSet());
        assertEquals(500, d.bound(500));
        assertEquals(0, d.bound(0));
    }

    @Test
    void setDeadlineCapsTheStepTimeout() {
        Deadline d = Deadline.after(Duration.ofSeconds(100));
        assertEquals(500, d.bound(500));
        assertTrue(d.bound(0) > 90_000, "no step timeout: the deadline bounds it");
        assertTrue(d.stepIsTighter(500));
    }

    @Test
    void passedDeadlineThrowsDeadlineKind() throws Exception {
        Deadline d = Deadline.after(Duration.ofMillis(1));
        Thread.sleep(5);
        TransportFailure f = assertThrows(TransportFailure.class, () -> d.check(false));
        assertEquals(TransportFailure.Kind.DEADLINE, f.kind());
    }
}
