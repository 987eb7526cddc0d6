package dev.courier.cli;

import dev.courier.multipart.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The request the command will send, fully decided before any I/O: method, target, header fields
 * in HTTPie's printed order (Host excluded; it is printed last), and the body as bytes or as a
 * streamed multipart.
 */
record RequestPlan(String method, Target target, List<HeaderOrder.Field> headers, byte[] body, Multipart multipart,
        boolean chunked) {

    /** Returns true when the request has a body (possibly empty). */
    boolean hasBody() {
        return body != null || multipart != null;
    }

    /** Returns the body bytes, encoding a multipart body in memory (for printing). */
    byte[] bodyBytes() {
        if (body != null) {
            return body;
        }
        if (multipart == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            multipart.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
