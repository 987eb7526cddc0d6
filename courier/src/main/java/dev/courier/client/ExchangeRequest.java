package dev.courier.client;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import dev.courier.http.Url;

/**
 * One request as it goes on the wire: the final header fields (Host, framing, cookies and
 * credentials already decided by the front door), the body or null, and per-call options.
 */
public record ExchangeRequest(Method method, Url url, Headers headers, OutgoingBody body, boolean expectContinue,
        boolean decompress) {

    /** Returns true when a failed attempt may be sent again on a fresh connection. */
    boolean mayRetry(long bodyBytesSent) {
        boolean bodyResendable = body == null || body.isReplayable() || bodyBytesSent == 0;
        return bodyResendable && (method.isIdempotent() || bodyBytesSent == 0);
    }
}
