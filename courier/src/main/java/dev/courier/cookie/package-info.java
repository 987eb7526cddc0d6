/**
 * Cookies like a browser, persisted like curl: RFC 6265 (and the settled parts of RFC 6265bis)
 * parsing, storage and retrieval, public-suffix rejection, the Netscape {@code cookies.txt} format,
 * and the server-side helpers.
 *
 * <p>Client side: a {@link dev.courier.cookie.CookieJar} ({@link dev.courier.cookie.CookieJar#inMemory()}
 * or {@link dev.courier.cookie.CookieJar#persistent(java.nio.file.Path)}) takes each response's
 * {@code Set-Cookie} headers with {@code store(url, headers)} and gives each request's
 * {@code Cookie} header with {@code cookieHeader(url)}. Every rejected header comes back as a
 * {@link dev.courier.cookie.StoreOutcome} with its reason, e.g.
 * {@code rejected cookie "sid": Domain=com is a public suffix}, and is logged at DEBUG level on the
 * {@code System.Logger} named {@code dev.courier.cookie.MemoryCookieJar}.
 *
 * <p>Server side: {@link dev.courier.cookie.CookieHeader#parse(String)} reads a request's
 * {@code Cookie} header, {@link dev.courier.cookie.SetCookie} writes a valid {@code Set-Cookie}
 * value and {@link dev.courier.cookie.CookieSigner} signs values with HMAC-SHA256.
 *
 * <p>The public suffix list is a resource of this package taken from the Debian package
 * {@code publicsuffix}; the update command is in {@code public_suffix_list.dat.NOTICE} next to it.
 */
package dev.courier.cookie;
