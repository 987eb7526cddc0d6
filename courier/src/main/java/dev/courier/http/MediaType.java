package dev.courier.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable media type such as {@code text/html; charset=utf-8} (RFC 9110 §8.3.1).
 *
 * <p>Type, subtype and parameter names are case-insensitive and kept lower-cased; parameter
 * values are kept as given (a quoted-string is unquoted). Parameters keep their order.
 *
 * <pre>{@code
 * MediaType t = MediaType.parse("Text/HTML; Charset=\"UTF-8\"");
 * t.toString();               // "text/html; charset=UTF-8"
 * t.charset();                // Optional[UTF-8]
 * t.is("text/*");             // true
 * }</pre>
 */
public final class MediaType {

    /** {@code text/plain} with no charset. */
    public static final MediaType TEXT_PLAIN = of("text", "plain");
    /** {@code text/plain; charset=utf-8}. */
    public static final MediaType TEXT_PLAIN_UTF8 = TEXT_PLAIN.withParameter("charset", "utf-8");
    /** {@code text/html; charset=utf-8}. */
    public static final MediaType TEXT_HTML_UTF8 = of("text", "html").withParameter("charset", "utf-8");
    /** {@code text/css; charset=utf-8}. */
    public static final MediaType TEXT_CSS_UTF8 = of("text", "css").withParameter("charset", "utf-8");
    /** {@code text/csv; charset=utf-8}. */
    public static final MediaType TEXT_CSV_UTF8 = of("text", "csv").withParameter("charset", "utf-8");
    /** {@code application/json}; JSON is UTF-8 by definition (RFC 8259 §8.1), so no charset. */
    public static final MediaType APPLICATION_JSON = of("application", "json");
    /** {@code application/xml}. */
    public static final MediaType APPLICATION_XML = of("application", "xml");
    /** {@code application/javascript; charset=utf-8}. */
    public static final MediaType APPLICATION_JAVASCRIPT_UTF8 =
            of("application", "javascript").withParameter("charset", "utf-8");
    /** {@code application/x-www-form-urlencoded}, the body of an HTML form and of {@code Body.form}. */
    public static final MediaType FORM_URLENCODED = of("application", "x-www-form-urlencoded");
    /** {@code multipart/form-data}, without the boundary the encoder adds. */
    public static final MediaType MULTIPART_FORM_DATA = of("multipart", "form-data");
    /** {@code application/octet-stream}, arbitrary bytes. */
    public static final MediaType OCTET_STREAM = of("application", "octet-stream");
    /** {@code *}{@code /*}, the pattern that matches every media type. */
    public static final MediaType ANY = of("*", "*");

    private final String type;
    private final String subtype;
    /** Flat lower-cased name, value, name, value ...; never two equal names. */
    private final String[] params;

    private MediaType(String type, String subtype, String[] params) {
        this.type = type;
        this.subtype = subtype;
        this.params = params;
    }

    /**
     * Returns the media type {@code type/subtype} with no parameters, e.g.
     * {@code MediaType.of("image", "png")}.
     *
     * @throws IllegalArgumentException if either part is not an RFC 9110 token
     */
    public static MediaType of(String type, String subtype) {
        checkToken("type", type);
        checkToken("subtype", subtype);
        return new MediaType(Ascii.lowercase(type), Ascii.lowercase(subtype), new String[0]);
    }

    /**
     * Returns the media type written in {@code text}, e.g. {@code application/json; charset=utf-8}.
     *
     * @throws IllegalArgumentException quoting the input and the offset of the first error
     */
    public static MediaType parse(String text) {
        return MediaTypeParser.parse(text);
    }

    /** Returns the media type in {@code text}, or empty when it is not a valid media type. */
    public static Optional<MediaType> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MediaTypeParser.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Builds from parts the parser has already checked. */
    static MediaType create(String type, String subtype, List<String> params) {
        return new MediaType(type, subtype, params.toArray(new String[0]));
    }

    /** Returns the lower-cased top-level type, e.g. {@code "text"}. */
    public String type() {
        return type;
    }

    /** Returns the lower-cased subtype, e.g. {@code "html"} or {@code "vnd.api+json"}. */
    public String subtype() {
        return subtype;
    }

    /** Returns the value of parameter {@code name} (any case), or null when absent. */
    public String parameter(String name) {
        for (int i = 0; i < params.length; i += 2) {
            if (params[i].equalsIgnoreCase(name)) {
                return params[i + 1];
            }
        }
        return null;
    }

    /** Returns the parameters in order, keyed by lower-cased name; unmodifiable. */
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            out.put(params[i], params[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns the charset named by the {@code charset} parameter, or empty when there is none or
     * when this JVM does not know it (an unknown charset from a peer is not an error: the caller
     * falls back to its default).
     */
    public Optional<Charset> charset() {
        String name = parameter("charset");
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** Returns a copy whose {@code charset} parameter is {@code charset}'s canonical name. */
    public MediaType withCharset(Charset charset) {
        return withParameter("charset", charset.name());
    }

    /**
     * Returns a copy with parameter {@code name} set to {@code value}: replaced in place when it
     * exists, appended otherwise.
     *
     * @throws IllegalArgumentException if the name is not a token or the value holds a control
     *     character (other than HTAB) or a character above U+00FF
     */
    public MediaType withParameter(String name, String value) {
        return newBuilder().parameter(name, value).build();
    }

    /** Returns a builder holding this type's parts, for making a changed copy. */
    public Builder newBuilder() {
        Builder b = new Builder(type, subtype);
        for (int i = 0; i < params.length; i++) {
            b.params.add(params[i]);
        }
        return b;
    }

    /**
     * Returns a builder for {@code type/subtype}, e.g.
     * {@code MediaType.builder("multipart", "form-data").parameter("boundary", b).build()}.
     *
     * @throws IllegalArgumentException if either part is not an RFC 9110 token
     */
    public static Builder builder(String type, String subtype) {
        checkToken("type", type);
        checkToken("subtype", subtype);
        return new Builder(Ascii.lowercase(type), Ascii.lowercase(subtype));
    }

    /** A validating builder of {@link MediaType}; parameters keep the order they were first set in. */
    public static final class Builder {
        private final String type;
        private final String subtype;
        /** Flat lower-cased name, value, ... as in {@link MediaType}. */
        private final List<String> params = new ArrayList<>(4);

        private Builder(String type, String subtype) {
            this.type = type;
            this.subtype = subtype;
        }

        /**
         * Sets parameter {@code name} (any case, stored lower-cased) to {@code value}, replacing
         * an earlier value in place.
         *
         * @throws IllegalArgumentException if the name is not a token or the value holds a
         *     control character (other than HTAB) or a character above U+00FF
         */
        public Builder parameter(String name, String value) {
            checkToken("parameter name", name);
            checkValue(name, value);
            String key = Ascii.lowercase(name);
            for (int i = 0; i < params.size(); i += 2) {
                if (params.get(i).equals(key)) {
                    params.set(i + 1, value);
                    return this;
                }
            }
            params.add(key);
            params.add(value);
            return this;
        }

        /** Sets the {@code charset} parameter to {@code charset}'s canonical name. */
        public Builder charset(Charset charset) {
            return parameter("charset", charset.name());
        }

        /** Removes parameter {@code name} (any case) if present. */
        public Builder removeParameter(String name) {
            for (int i = 0; i < params.size(); i += 2) {
                if (params.get(i).equalsIgnoreCase(name)) {
                    params.subList(i, i + 2).clear();
                    return this;
                }
            }
            return this;
        }

        /** Returns the immutable media type; the builder may go on being used. */
        public MediaType build() {
            return create(type, subtype, params);
        }
    }

    /** Returns a copy without parameters, e.g. {@code text/html} for {@code text/html; charset=utf-8}. */
    public MediaType withoutParameters() {
        return params.length == 0 ? this : new MediaType(type, subtype, new String[0]);
    }

    /**
     * Returns true when this type matches {@code pattern}, which may use {@code *} for the
     * subtype or for both: {@code text/html; charset=utf-8} is {@code "text/*"}, {@code "*}{@code /*"}
     * and {@code "text/html"}. Parameters in the pattern must be present here with the same value
     * (compared ignoring case for {@code charset}, whose values are case-insensitive).
     *
     * @throws IllegalArgumentException if the pattern is not a media type
     */
    public boolean is(String pattern) {
        return matches(parse(pattern));
    }

    /** Returns true when this type matches {@code pattern}; see {@link #is(String)}. */
    public boolean matches(MediaType pattern) {
        if (!pattern.type.equals("*") && !pattern.type.equals(type)) {
            return false;
        }
        if (!pattern.subtype.equals("*") && !pattern.subtype.equals(subtype)) {
            return false;
        }
        for (int i = 0; i < pattern.params.length; i += 2) {
            String mine = parameter(pattern.params[i]);
            String wanted = pattern.params[i + 1];
            boolean same = pattern.params[i].equals("charset") ? wanted.equalsIgnoreCase(mine) : wanted.equals(mine);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Returns true for {@code application/json} and any {@code +json} subtype (RFC 6839 §3.1). */
    public boolean isJson() {
        return (type.equals("application") && subtype.equals("json")) || subtype.endsWith("+json");
    }

    /** Returns true for every {@code text/*} type. */
    public boolean isText() {
        return type.equals("text");
    }

    /** Returns true for every {@code multipart/*} type. */
    public boolean isMultipart() {
        return type.equals("multipart");
    }

    /** Equal when type, subtype and parameters (names and values, in order) are equal. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MediaType)) {
            return false;
        }
        MediaType m = (MediaType) o;
        return type.equals(m.type) && subtype.equals(m.subtype) && java.util.Arrays.equals(params, m.params);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + subtype.hashCode()) * 31 + java.util.Arrays.hashCode(params);
    }

    /**
     * Returns the header value form, e.g. {@code multipart/form-data; boundary="a b"}; a value is
     * quoted only when it is not a token.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type.length() + subtype.length() + 1 + params.length * 8);
        sb.append(type).append('/').append(subtype);
        for (int i = 0; i < params.length; i += 2) {
            sb.append("; ").append(params[i]).append('=');
            appendValue(sb, params[i + 1]);
        }
        return sb.toString();
    }

    private static void appendValue(StringBuilder sb, String value) {
        if (Ascii.isToken(value)) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    private static void checkToken(String what, String s) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("media type " + what + " is empty");
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Ascii.isTchar(s.charAt(i))) {
                throw new IllegalArgumentException("invalid media type " + what + " " + Ascii.quote(s) + ": "
                        + Ascii.describe(s.charAt(i)) + " at offset " + i + " is not a token character (RFC 9110 §5.6.2)");
            }
        }
    }

    private static void checkValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("value of media type parameter " + Ascii.quote(name) + " is null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                throw new IllegalArgumentException("invalid value for media type parameter " + Ascii.quote(name)
                        + ": " + Ascii.describe(c) + " at offset " + i + " in " + Ascii.quote(value)
                        + " cannot be written in a quoted-string (RFC 9110 §5.6.4)");
            }
        }
    }
}
