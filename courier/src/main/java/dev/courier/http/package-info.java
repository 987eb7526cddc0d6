/**
 * The HTTP vocabulary shared by Courier's client and server: status codes, methods, header
 * fields, media types, URLs and form encoding. Nothing here does I/O.
 */
package dev.courier.http;
