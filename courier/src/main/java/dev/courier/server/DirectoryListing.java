package dev.courier.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The HTML page listing a directory's entries. Every name is HTML-escaped in the text and
 * percent-encoded (then escaped) in the link, so a file called {@code <script>alert(1)</script>}
 * is shown, never run.
 */
final class DirectoryListing {

    /**
     * Most entries listed; a directory with more is cut with a note. Ten thousand keeps the page
     * below about 1 MB, far beyond what a person browses.
     */
    static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** One entry: its file name and whether it is a directory. */
    static final class Entry {
        final String name;
        final boolean directory;

        Entry(String name, boolean directory) {
            this.name = name;
            this.directory = directory;
        }
    }

    private DirectoryListing() {
    }

    /**
     * Returns the page for the directory shown as {@code title} (decoded, e.g. {@code /docs/}),
     * with a parent link unless {@code root}; directories come first, each group sorted by name.
     * {@code truncated} adds a note that not every entry is shown.
     */
    static String render(String title, List<Entry> entries, boolean root, boolean truncated) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((Entry e) -> !e.directory).thenComparing(e -> e.name));
        String t = Escape.html(title);
        StringBuilder sb = new StringBuilder(256 + sorted.size() * 64);
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Index of ").append(t)
                .append("</title></head>\n<body><h1>Index of ").append(t).append("</h1>\n<ul>\n");
        if (!root) {
            sb.append("<li><a href=\"../\">../</a></li>\n");
        }
        for (Entry e : sorted) {
            String suffix = e.directory ? "/" : "";
            // "./" keeps a name such as "a:b" from being read as a URL scheme.
            sb.append("<li><a href=\"./").append(Escape.html(PathSegments.encodeSegment(e.name))).append(suffix)
                    .append("\">").append(Escape.html(e.name)).append(suffix).append("</a></li>\n");
        }
        sb.append("</ul>\n");
        if (truncated) {
            sb.append("<p>Only the first ").append(sorted.size()).append(" entries are listed.</p>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }
}
