/**
 * Test support for Courier users: {@link dev.courier.testing.HttpBin}, an httpbin-compatible app
 * on Courier's server, and {@link dev.courier.testing.MockServer}, a scriptable server that
 * records requests and injects faults, with the JUnit 5 extension
 * {@link dev.courier.testing.MockServerTest}; and {@link dev.courier.testing.ExampleApp}, a small web
 * site built the Flask way (templates, forms with CSRF tokens, login, flash messages), which needs
 * the optional {@code courier-templates} module on the class path.
 */
package dev.courier.testing;
