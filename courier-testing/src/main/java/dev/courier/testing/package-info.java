/**
 * Test support for Courier users: {@link dev.courier.testing.HttpBin}, an httpbin-compatible app
 * on Courier's server, and {@link dev.courier.testing.MockServer}, a scriptable server that
 * records requests and injects faults, with the JUnit 5 extension
 * {@link dev.courier.testing.MockServerTest}.
 */
package dev.courier.testing;
