package dev.courier.cli;

/**
 * One request item of the command line, split as HTTPie splits it: {@code key}, separator,
 * {@code value}, and the argument as typed (for error messages).
 */
record RequestItem(String key, Separator separator, String value, String original) {

    /** HTTPie's item separators; longer ones win over shorter ones starting at the same place. */
    enum Separator {
        HEADER(":"),
        HEADER_EMPTY(";"),
        HEADER_EMBED(":@"),
        QUERY("=="),
        QUERY_EMBED("==@"),
        DATA("="),
        DATA_EMBED("=@"),
        JSON(":="),
        JSON_EMBED(":=@"),
        FILE("@");

        final String text;

        Separator(String text) {
            this.text = text;
        }

        /** Returns true for items that go into the request body. */
        boolean isData() {
            return this == DATA || this == DATA_EMBED || this == JSON || this == JSON_EMBED || this == FILE;
        }
    }
}
