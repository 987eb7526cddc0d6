package dev.courier.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class (or method) whose tests get a fresh, started {@link MockServer} as a
 * parameter, closed after each test.
 *
 * <pre>{@code
 * @MockServerTest
 * class WeatherClientTest {
 *     @Test
 *     void readsTheTemperature(MockServer server) throws Exception {
 *         server.enqueue(MockResponse.builder().header("Content-Type", "application/json").body("{\"t\": 21}").build());
 *         assertEquals(21, new WeatherClient(server.url("/")).temperature());
 *         assertEquals("/weather", server.takeRequest(Duration.ofSeconds(1)).path());
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(MockServerExtension.class)
public @interface MockServerTest {

    /** Returns true to start the server over TLS with a self-signed certificate ({@link MockServer#startHttps()}). */
    boolean https() default false;
}
