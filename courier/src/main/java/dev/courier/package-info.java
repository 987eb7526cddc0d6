/**
 * The front door of Courier: HTTP calls in the style of Python's requests.
 *
 * <ul>
 *   <li>{@link dev.courier.Courier}: one-liners on a shared session,
 *       {@code Courier.get("https://example.com").text()}.</li>
 *   <li>{@link dev.courier.Session}: cookies, default headers, auth, base URL, timeouts,
 *       redirects, TLS and a connection pool that persist between calls; build one with
 *       {@link dev.courier.Session#builder()}.</li>
 *   <li>{@link dev.courier.Request} and {@link dev.courier.Body}: what is sent;
 *       {@link dev.courier.Response}: what came back.</li>
 *   <li>Exceptions are unchecked and all extend {@link dev.courier.CourierException}:
 *       {@link dev.courier.ConnectionFailedException} (with {@link dev.courier.TlsException}),
 *       {@link dev.courier.TimeoutException} (connect, read, write, deadline),
 *       {@link dev.courier.TooManyRedirectsException}, {@link dev.courier.HttpStatusException},
 *       {@link dev.courier.ProtocolException} and {@link dev.courier.InvalidUrlException}.</li>
 * </ul>
 *
 * <p>Safe defaults: connect timeout 10 s, read timeout 60 s, TLS certificates and host names
 * verified, credentials and cookies never sent to an origin they were not meant for, and a
 * header, method or URL with CR, LF or NUL refused before anything is sent.
 */
package dev.courier;
