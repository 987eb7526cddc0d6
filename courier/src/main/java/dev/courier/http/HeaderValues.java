package dev.courier.http;

/** Small readers of list-valued header fields (RFC 9110 §5.6.1). */
final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Returns true when the comma-separated list {@code value} has an element equal to
     * {@code token}, ignoring ASCII case and optional whitespace: {@code "keep-alive, Close"}
     * holds {@code "close"}; {@code "closed"} does not.
     */
    static boolean hasToken(String value, String token) {
        int n = value.length();
        int i = 0;
        while (i < n) {
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && value.charAt(i) != ',') {
                i++;
            }
            int end = i;
            while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
                end--;
            }
            if (end - start == token.length() && value.regionMatches(true, start, token, 0, token.length())) {
                return true;
            }
        }
        return false;
    }
}
