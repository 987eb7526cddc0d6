/**
 * Courier: HTTP for Java. The library has no run-time dependencies.
 *
 * <p>Only public API packages are exported; {@code dev.courier.wire} (the sans-IO codec) stays
 * internal so that its shape can follow measurements.
 */
module dev.courier {
    exports dev.courier.http;
    exports dev.courier.multipart;
}
