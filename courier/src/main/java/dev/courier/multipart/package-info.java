/**
 * Multipart bodies: a streaming encoder ({@link dev.courier.multipart.Multipart}) whose bytes match
 * urllib3 2.x and requests-toolbelt for the same parts and boundary, and a streaming sans-IO
 * decoder ({@link dev.courier.multipart.MultipartParser}) with a form reader on top
 * ({@link dev.courier.multipart.MultipartForm}).
 *
 * <p>Nothing here opens a socket: the encoder writes to an {@code OutputStream}, a
 * {@code WritableByteChannel} or a lazy {@code InputStream}; the decoder takes {@code ByteBuffer}
 * slices or an {@code InputStream}.
 */
package dev.courier.multipart;
