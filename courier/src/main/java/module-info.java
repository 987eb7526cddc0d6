/**
 * Courier: HTTP for Java. The library has no run-time dependencies.
 *
 * <p>Only public API packages are exported; {@code dev.courier.wire} (the sans-IO codec) stays
 * internal so that its shape can follow measurements. Jackson is optional: the JSON SPI uses it
 * when the application has it.
 */
module dev.courier {
    requires static com.fasterxml.jackson.databind;

    exports dev.courier;
    exports dev.courier.cookie;
    exports dev.courier.http;
    exports dev.courier.json;
    exports dev.courier.multipart;
    exports dev.courier.server;

    uses dev.courier.json.JsonMapper;
}
