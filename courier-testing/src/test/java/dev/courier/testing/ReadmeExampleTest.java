package dev.courier.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.courier.Body;
import dev.courier.ReadTimeoutException;
import dev.courier.Session;
import dev.courier.server.HttpServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user's test proposed for README.md, verbatim, so the proposal is known to work. */
@MockServerTest
class ReadmeExampleTest {

    @Test
    void sendsTheCityAndReadsTheTemperature(MockServer server) throws InterruptedException {
        server.enqueue(MockResponse.builder()
                .header("Content-Type", "application/json")
                .body("{\"city\": \"Oslo\", \"celsius\": 21}")
                .build());

        try (Session session = Session.builder().baseUrl(server.url("/")).build()) {
            Map<?, ?> weather = (Map<?, ?>) session.get("/weather?city=Oslo").json();
            assertEquals(21L, weather.get("celsius"));
        }

        RecordedRequest request = server.takeRequest(Duration.ofSeconds(1));
        assertEquals("GET", request.method());
        assertEquals("/weather?city=Oslo", request.target());
    }

    @Test
    void givesUpWhenTheServerStalls(MockServer server) {
        server.enqueue(MockResponse.builder().stall().build());
        try (Session session = Session.builder().readTimeout(Duration.ofMillis(200)).build()) {
            assertThrows(ReadTimeoutException.class, () -> session.get(server.url("/weather")));
        }
    }

    @Test
    void postsAFormToHttpBin() throws Exception {
        try (HttpServer bin = HttpBin.start(0); Session s = Session.create()) {
            Map<?, ?> echo = (Map<?, ?>) s.post(bin.url() + "/post", Body.form("name", "Ada")).json();
            assertEquals(Map.of("name", "Ada"), echo.get("form"));
        }
    }
}
