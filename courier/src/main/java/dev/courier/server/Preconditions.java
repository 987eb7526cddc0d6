package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.time.Instant;
import java.util.List;

/**
 * Evaluates the conditional request fields of RFC 9110 §13 against a representation's current
 * entity-tag and modification time, in the order of §13.2.2.
 *
 * <ol>
 *   <li>If-Match present: no strong match (and not {@code *}) is 412.</li>
 *   <li>Else If-Unmodified-Since with a valid date: modified after it is 412.</li>
 *   <li>If-None-Match present: a weak match or {@code *} is 304 for GET and HEAD, 412 otherwise.</li>
 *   <li>Else, for GET and HEAD, If-Modified-Since with a valid date: not modified after it is
 *       304.</li>
 *   <li>Range with If-Range is then decided by {@link #ifRangeAllowsRange}.</li>
 * </ol>
 *
 * <p>Only a representation that exists is evaluated here (a missing file is a 404 before this),
 * so {@code *} always matches. A date field that is not a valid HTTP-date, or that appears more
 * than once, is ignored (§13.1.3, §13.1.4). Modification times are compared in whole seconds,
 * the resolution of an HTTP-date.
 */
final class Preconditions {

    enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

    private Preconditions() {
    }

    /**
     * Returns what the preconditions in {@code headers} say for a representation tagged
     * {@code etag} (a strong tag) and last modified at {@code lastModified}.
     */
    static Outcome evaluate(Method method, Headers headers, EntityTag etag, Instant lastModified) {
        boolean getOrHead = Method.GET.equals(method) || Method.HEAD.equals(method);
        long modifiedSecond = lastModified.getEpochSecond();

        String ifMatch = joined(headers, "If-Match");
        if (ifMatch != null) {
            if (!EntityTag.isAny(ifMatch) && !anyMatch(ifMatch, etag, true)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else {
            Instant since = singleDate(headers, "If-Unmodified-Since");
            if (since != null && modifiedSecond > since.getEpochSecond()) {
                return Outcome.PRECONDITION_FAILED;
            }
        }

        String ifNoneMatch = joined(headers, "If-None-Match");
        if (ifNoneMatch != null) {
            if (EntityTag.isAny(ifNoneMatch) || anyMatch(ifNoneMatch, etag, false)) {
                return getOrHead ? Outcome.NOT_MODIFIED : Outcome.PRECONDITION_FAILED;
            }
        } else if (getOrHead) {
            Instant since = singleDate(headers, "If-Modified-Since");
            if (since != null && modifiedSecond <= since.getEpochSecond()) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * Returns true when a Range request may be served as a range: there is no If-Range, or it
     * holds a strong tag equal to {@code etag}, or a date equal to {@code lastModified} (to the
     * second). A weak tag or a different validator means "send the whole thing" (§13.1.5).
     */
    static boolean ifRangeAllowsRange(Headers headers, EntityTag etag, Instant lastModified) {
        List<String> values = headers.all("If-Range");
        if (values.isEmpty()) {
            return true;
        }
        if (values.size() > 1) {
            return false;
        }
        String v = values.get(0).trim();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            EntityTag tag = EntityTag.parse(v);
            return tag != null && tag.strongMatch(etag);
        }
        Instant date = HttpDates.parse(v);
        return date != null && date.getEpochSecond() == lastModified.getEpochSecond();
    }

    private static boolean anyMatch(String list, EntityTag etag, boolean strong) {
        List<EntityTag> tags = EntityTag.parseList(list);
        if (tags == null) {
            return false;
        }
        for (EntityTag t : tags) {
            if (strong ? t.strongMatch(etag) : t.weakMatch(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Returns every line of a list-valued field joined by commas (RFC 9110 §5.3), or null. */
    private static String joined(Headers headers, String name) {
        List<String> all = headers.all(name);
        return all.isEmpty() ? null : String.join(", ", all);
    }

    private static Instant singleDate(Headers headers, String name) {
        List<String> all = headers.all(name);
        return all.size() == 1 ? HttpDates.parse(all.get(0)) : null;
    }
}
