/**
 * Test support for Courier users: an httpbin-compatible app and a MockServer (issue 8; not built
 * yet).
 */
package dev.courier.testing;
