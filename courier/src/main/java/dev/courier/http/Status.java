package dev.courier.http;

import java.util.Optional;

/**
 * An HTTP response status: the three-digit code, its reason phrase and a one-line description.
 *
 * <p>Every code in the IANA HTTP Status Code Registry has a constant ({@link #OK},
 * {@link #NOT_FOUND}, ...), with the RFC 9110 reason phrase and the description Python's
 * {@code http.HTTPStatus} gives. {@link #of(int)} accepts any code from 100 to 999, so a server
 * that answers {@code 299} or {@code 799} can still be represented:
 *
 * <pre>{@code
 * Status.of(404);               // Status.NOT_FOUND, "404 Not Found"
 * Status.of(499).reason();      // "Unknown Client Error"
 * Status.of(799).kind();        // Optional.empty(): 6xx-9xx belong to no class
 * }</pre>
 *
 * <p>Where the phrase differs from Python's: RFC 9110 renamed 413 ("Content Too Large", Python
 * before 3.13 says "Request Entity Too Large"), 414 ("URI Too Long", was "Request-URI Too Long"),
 * 416 ("Range Not Satisfiable", was "Requested Range Not Satisfiable") and 422 ("Unprocessable
 * Content", was "Unprocessable Entity"); Courier uses the RFC 9110 phrase. 418 is "(Unused)" in
 * RFC 9110 §15.5.19 and has no phrase there, so Courier keeps Python's "I'm a Teapot" (RFC 2324).
 * Python gives no description for the WebDAV and extension codes (102, 103, 207, 208, 226, 422
 * to 426, 506 to 510); Courier writes its own for those. Not included: 306 and 104 (IANA lists
 * 306 as unused and 104 is only a temporary registration for a draft); {@code of(306)} gives
 * the generic "Unknown Redirection".
 *
 * <p>Two statuses are equal when their codes are equal.
 */
public final class Status {

    /** The class of a status, given by its first digit (RFC 9110 §15). */
    public enum Kind {
        /** 1xx: the request was received, continuing process. */
        INFORMATIONAL("Unknown Informational"),
        /** 2xx: the request was successfully received, understood and accepted. */
        SUCCESS("Unknown Success"),
        /** 3xx: further action needs to be taken to complete the request. */
        REDIRECTION("Unknown Redirection"),
        /** 4xx: the request contains bad syntax or cannot be fulfilled. */
        CLIENT_ERROR("Unknown Client Error"),
        /** 5xx: the server failed to fulfil an apparently valid request. */
        SERVER_ERROR("Unknown Server Error");

        private final String unknownReason;

        Kind(String unknownReason) {
            this.unknownReason = unknownReason;
        }
    }

    /** Registered statuses by code; null where nothing is registered. Filled by the constants below. */
    private static final Status[] REGISTERED = new Status[600];

    /** Continue (RFC 9110 §15.2.1). */
    public static final Status CONTINUE = define(100, "Continue", "Request received, please continue");
    /** Switching Protocols (RFC 9110 §15.2.2). */
    public static final Status SWITCHING_PROTOCOLS = define(101, "Switching Protocols",
            "Switching to new protocol; obey Upgrade header");
    /** Processing (RFC 2518 §10.1). */
    public static final Status PROCESSING = define(102, "Processing",
            "Request received, the server is still working on it");
    /** Early Hints (RFC 8297). */
    public static final Status EARLY_HINTS = define(103, "Early Hints",
            "Header fields sent ahead of the final response");
    /** OK (RFC 9110 §15.3.1). */
    public static final Status OK = define(200, "OK", "Request fulfilled, document follows");
    /** Created (RFC 9110 §15.3.2). */
    public static final Status CREATED = define(201, "Created", "Document created, URL follows");
    /** Accepted (RFC 9110 §15.3.3). */
    public static final Status ACCEPTED = define(202, "Accepted", "Request accepted, processing continues off-line");
    /** Non-Authoritative Information (RFC 9110 §15.3.4). */
    public static final Status NON_AUTHORITATIVE_INFORMATION = define(203, "Non-Authoritative Information",
            "Request fulfilled from cache");
    /** No Content (RFC 9110 §15.3.5). */
    public static final Status NO_CONTENT = define(204, "No Content", "Request fulfilled, nothing follows");
    /** Reset Content (RFC 9110 §15.3.6). */
    public static final Status RESET_CONTENT = define(205, "Reset Content", "Clear input form for further input");
    /** Partial Content (RFC 9110 §15.3.7). */
    public static final Status PARTIAL_CONTENT = define(206, "Partial Content", "Partial content follows");
    /** Multi-Status (RFC 4918 §11.1). */
    public static final Status MULTI_STATUS = define(207, "Multi-Status",
            "Status for several independent operations follows");
    /** Already Reported (RFC 5842 §7.1). */
    public static final Status ALREADY_REPORTED = define(208, "Already Reported",
            "Members already listed in an earlier part of this response");
    /** IM Used (RFC 3229 §10.4.1). */
    public static final Status IM_USED = define(226, "IM Used",
            "Instance manipulations applied to the current instance");
    /** Multiple Choices (RFC 9110 §15.4.1). */
    public static final Status MULTIPLE_CHOICES = define(300, "Multiple Choices",
            "Object has several resources -- see URI list");
    /** Moved Permanently (RFC 9110 §15.4.2). */
    public static final Status MOVED_PERMANENTLY = define(301, "Moved Permanently",
            "Object moved permanently -- see URI list");
    /** Found (RFC 9110 §15.4.3). */
    public static final Status FOUND = define(302, "Found", "Object moved temporarily -- see URI list");
    /** See Other (RFC 9110 §15.4.4). */
    public static final Status SEE_OTHER = define(303, "See Other", "Object moved -- see Method and URL list");
    /** Not Modified (RFC 9110 §15.4.5). */
    public static final Status NOT_MODIFIED = define(304, "Not Modified", "Document has not changed since given time");
    /** Use Proxy (RFC 9110 §15.4.6, deprecated). */
    public static final Status USE_PROXY = define(305, "Use Proxy",
            "You must use proxy specified in Location to access this resource");
    /** Temporary Redirect (RFC 9110 §15.4.8). */
    public static final Status TEMPORARY_REDIRECT = define(307, "Temporary Redirect",
            "Object moved temporarily -- see URI list");
    /** Permanent Redirect (RFC 9110 §15.4.9). */
    public static final Status PERMANENT_REDIRECT = define(308, "Permanent Redirect",
            "Object moved permanently -- see URI list");
    /** Bad Request (RFC 9110 §15.5.1). */
    public static final Status BAD_REQUEST = define(400, "Bad Request", "Bad request syntax or unsupported method");
    /** Unauthorized (RFC 9110 §15.5.2). */
    public static final Status UNAUTHORIZED = define(401, "Unauthorized", "No permission -- see authorization schemes");
    /** Payment Required (RFC 9110 §15.5.3). */
    public static final Status PAYMENT_REQUIRED = define(402, "Payment Required", "No payment -- see charging schemes");
    /** Forbidden (RFC 9110 §15.5.4). */
    public static final Status FORBIDDEN = define(403, "Forbidden", "Request forbidden -- authorization will not help");
    /** Not Found (RFC 9110 §15.5.5). */
    public static final Status NOT_FOUND = define(404, "Not Found", "Nothing matches the given URI");
    /** Method Not Allowed (RFC 9110 §15.5.6). */
    public static final Status METHOD_NOT_ALLOWED = define(405, "Method Not Allowed",
            "Specified method is invalid for this resource");
    /** Not Acceptable (RFC 9110 §15.5.7). */
    public static final Status NOT_ACCEPTABLE = define(406, "Not Acceptable", "URI not available in preferred format");
    /** Proxy Authentication Required (RFC 9110 §15.5.8). */
    public static final Status PROXY_AUTHENTICATION_REQUIRED = define(407, "Proxy Authentication Required",
            "You must authenticate with this proxy before proceeding");
    /** Request Timeout (RFC 9110 §15.5.9). */
    public static final Status REQUEST_TIMEOUT = define(408, "Request Timeout", "Request timed out; try again later");
    /** Conflict (RFC 9110 §15.5.10). */
    public static final Status CONFLICT = define(409, "Conflict", "Request conflict");
    /** Gone (RFC 9110 §15.5.11). */
    public static final Status GONE = define(410, "Gone", "URI no longer exists and has been permanently removed");
    /** Length Required (RFC 9110 §15.5.12). */
    public static final Status LENGTH_REQUIRED = define(411, "Length Required", "Client must specify Content-Length");
    /** Precondition Failed (RFC 9110 §15.5.13). */
    public static final Status PRECONDITION_FAILED = define(412, "Precondition Failed",
            "Precondition in headers is false");
    /** Content Too Large (RFC 9110 §15.5.14); Python before 3.13: "Request Entity Too Large". */
    public static final Status CONTENT_TOO_LARGE = define(413, "Content Too Large", "Content is too large");
    /** URI Too Long (RFC 9110 §15.5.15); Python before 3.13: "Request-URI Too Long". */
    public static final Status URI_TOO_LONG = define(414, "URI Too Long", "URI is too long");
    /** Unsupported Media Type (RFC 9110 §15.5.16). */
    public static final Status UNSUPPORTED_MEDIA_TYPE = define(415, "Unsupported Media Type",
            "Entity body in unsupported format");
    /** Range Not Satisfiable (RFC 9110 §15.5.17); Python before 3.13: "Requested Range Not Satisfiable". */
    public static final Status RANGE_NOT_SATISFIABLE = define(416, "Range Not Satisfiable",
            "Cannot satisfy request range");
    /** Expectation Failed (RFC 9110 §15.5.18). */
    public static final Status EXPECTATION_FAILED = define(417, "Expectation Failed",
            "Expect condition could not be satisfied");
    /** I'm a Teapot (RFC 2324 §2.3.2; "(Unused)" in RFC 9110 §15.5.19), spelled as Python spells it. */
    public static final Status IM_A_TEAPOT = define(418, "I'm a Teapot",
            "Server refuses to brew coffee because it is a teapot.");
    /** Misdirected Request (RFC 9110 §15.5.20). */
    public static final Status MISDIRECTED_REQUEST = define(421, "Misdirected Request",
            "Server is not able to produce a response");
    /** Unprocessable Content (RFC 9110 §15.5.21); Python before 3.13: "Unprocessable Entity". */
    public static final Status UNPROCESSABLE_CONTENT = define(422, "Unprocessable Content",
            "Request content understood but its instructions could not be processed");
    /** Locked (RFC 4918 §11.3). */
    public static final Status LOCKED = define(423, "Locked", "The resource is locked");
    /** Failed Dependency (RFC 4918 §11.4). */
    public static final Status FAILED_DEPENDENCY = define(424, "Failed Dependency",
            "A request this one depended on failed");
    /** Too Early (RFC 8470 §5.2). */
    public static final Status TOO_EARLY = define(425, "Too Early",
            "Server will not risk processing a request that might be replayed");
    /** Upgrade Required (RFC 9110 §15.5.22). */
    public static final Status UPGRADE_REQUIRED = define(426, "Upgrade Required",
            "Client must switch to another protocol -- see Upgrade header");
    /** Precondition Required (RFC 6585 §3). */
    public static final Status PRECONDITION_REQUIRED = define(428, "Precondition Required",
            "The origin server requires the request to be conditional");
    /** Too Many Requests (RFC 6585 §4). */
    public static final Status TOO_MANY_REQUESTS = define(429, "Too Many Requests",
            "The user has sent too many requests in a given amount of time (\"rate limiting\")");
    /** Request Header Fields Too Large (RFC 6585 §5). */
    public static final Status REQUEST_HEADER_FIELDS_TOO_LARGE = define(431, "Request Header Fields Too Large",
            "The server is unwilling to process the request because its header fields are too large");
    /** Unavailable For Legal Reasons (RFC 7725 §3). */
    public static final Status UNAVAILABLE_FOR_LEGAL_REASONS = define(451, "Unavailable For Legal Reasons",
            "The server is denying access to the resource as a consequence of a legal demand");
    /** Internal Server Error (RFC 9110 §15.6.1). */
    public static final Status INTERNAL_SERVER_ERROR = define(500, "Internal Server Error",
            "Server got itself in trouble");
    /** Not Implemented (RFC 9110 §15.6.2). */
    public static final Status NOT_IMPLEMENTED = define(501, "Not Implemented",
            "Server does not support this operation");
    /** Bad Gateway (RFC 9110 §15.6.3). */
    public static final Status BAD_GATEWAY = define(502, "Bad Gateway", "Invalid responses from another server/proxy");
    /** Service Unavailable (RFC 9110 §15.6.4). */
    public static final Status SERVICE_UNAVAILABLE = define(503, "Service Unavailable",
            "The server cannot process the request due to a high load");
    /** Gateway Timeout (RFC 9110 §15.6.5). */
    public static final Status GATEWAY_TIMEOUT = define(504, "Gateway Timeout",
            "The gateway server did not receive a timely response");
    /** HTTP Version Not Supported (RFC 9110 §15.6.6). */
    public static final Status HTTP_VERSION_NOT_SUPPORTED = define(505, "HTTP Version Not Supported",
            "Cannot fulfill request");
    /** Variant Also Negotiates (RFC 2295 §8.1). */
    public static final Status VARIANT_ALSO_NEGOTIATES = define(506, "Variant Also Negotiates",
            "Content negotiation is misconfigured on the server");
    /** Insufficient Storage (RFC 4918 §11.5). */
    public static final Status INSUFFICIENT_STORAGE = define(507, "Insufficient Storage",
            "The server cannot store what is needed to complete the request");
    /** Loop Detected (RFC 5842 §7.2). */
    public static final Status LOOP_DETECTED = define(508, "Loop Detected",
            "The server found an infinite loop while processing the request");
    /** Not Extended (RFC 2774 §7, obsoleted by IANA in 2022 but still registered as historic). */
    public static final Status NOT_EXTENDED = define(510, "Not Extended",
            "Further extensions to the request are required");
    /** Network Authentication Required (RFC 6585 §6). */
    public static final Status NETWORK_AUTHENTICATION_REQUIRED = define(511, "Network Authentication Required",
            "The client needs to authenticate to gain network access");

    private final int code;
    private final String reason;
    private final String description;
    private final boolean registered;

    private Status(int code, String reason, String description, boolean registered) {
        this.code = code;
        this.reason = reason;
        this.description = description;
        this.registered = registered;
    }

    private static Status define(int code, String reason, String description) {
        Status s = new Status(code, reason, description, true);
        REGISTERED[code] = s;
        return s;
    }

    /**
     * Returns the status for {@code code}: the registered constant when there is one, else a
     * status whose reason is generic ("Unknown Client Error" for 499; "Unknown Status" for 600
     * to 999, which belong to no class) and whose description is empty.
     *
     * @throws IllegalArgumentException if {@code code} is below 100 or above 999, the only codes
     *     that fit the three-digit status-code of RFC 9110 §15
     */
    public static Status of(int code) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("invalid HTTP status code " + code
                    + ": a status code has three digits, 100 to 999 (RFC 9110 §15)");
        }
        if (code < REGISTERED.length && REGISTERED[code] != null) {
            return REGISTERED[code];
        }
        Kind kind = kindOf(code);
        return new Status(code, kind == null ? "Unknown Status" : kind.unknownReason, "", false);
    }

    private static Kind kindOf(int code) {
        switch (code / 100) {
            case 1:
                return Kind.INFORMATIONAL;
            case 2:
                return Kind.SUCCESS;
            case 3:
                return Kind.REDIRECTION;
            case 4:
                return Kind.CLIENT_ERROR;
            case 5:
                return Kind.SERVER_ERROR;
            default:
                return null;
        }
    }

    /** Returns the three-digit code, e.g. {@code 404}. */
    public int code() {
        return code;
    }

    /** Returns the RFC 9110 reason phrase, e.g. {@code "Not Found"}, or a generic one for unknown codes. */
    public String reason() {
        return reason;
    }

    /** Returns a one-line description, e.g. {@code "Nothing matches the given URI"}; empty for unknown codes. */
    public String description() {
        return description;
    }

    /** Returns true when the code is in the IANA registry (or is 418), false for codes {@link #of} made up. */
    public boolean isRegistered() {
        return registered;
    }

    /**
     * Returns the class given by the first digit; empty for 600 to 999, which RFC 9110 §15 does
     * not define (a client should treat them as an error it does not understand).
     */
    public Optional<Kind> kind() {
        return Optional.ofNullable(kindOf(code));
    }

    /** Returns true for 1xx. */
    public boolean isInformational() {
        return code / 100 == 1;
    }

    /** Returns true for 2xx. */
    public boolean isSuccess() {
        return code / 100 == 2;
    }

    /** Returns true for every 3xx code, including 304 Not Modified, which has no Location. */
    public boolean isRedirect() {
        return code / 100 == 3;
    }

    /** Returns true for 4xx. */
    public boolean isClientError() {
        return code / 100 == 4;
    }

    /** Returns true for 5xx. */
    public boolean isServerError() {
        return code / 100 == 5;
    }

    /**
     * Returns true for 4xx and 5xx, the codes for which requests' {@code raise_for_status()}
     * raises; 6xx to 9xx are not errors by this test, as in requests.
     */
    public boolean isError() {
        return code >= 400 && code < 600;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Status && ((Status) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    /** Returns the code and reason as on a status line, e.g. {@code "404 Not Found"}. */
    @Override
    public String toString() {
        return code + " " + reason;
    }
}
