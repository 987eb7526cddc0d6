package dev.courier.server;

import dev.courier.http.Headers;
import dev.courier.http.Method;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Serves the files under a root directory: safe path resolution, {@code Content-Type} by
 * extension, {@code ETag}/{@code Last-Modified}, conditional GET (304), byte ranges (206, with
 * {@code multipart/byteranges} for several; 416), {@code index.html} and an optional directory
 * listing.
 *
 * <pre>{@code
 * StaticFiles files = StaticFiles.builder(Path.of("public")).directoryListing(true).build();
 * router.staticFiles("/assets", files);        // GET /assets/css/site.css
 * Reply r = files.serve(Method.GET, "/css/site.css", headers);   // or call it directly
 * }</pre>
 *
 * <p><b>Never outside the root.</b> The raw path is split on {@code /} and each segment
 * percent-decoded; a segment that is {@code .} or {@code ..} (also when encoded, as
 * {@code %2e%2e}), holds a slash, backslash or NUL once decoded, or is empty before the end is
 * refused with 400, and so is any raw backslash. Each component below the root is then looked at
 * without following links; when one is a symbolic link, the path is resolved with
 * {@code toRealPath()} and must still lie under the root's real path, so a link that leads out
 * of the root is a 404 (links inside the root work).
 *
 * <p><b>Replies.</b> A file is a 200 whose body is a {@link ReplyBody.FileRegion}, to be sent
 * with {@code transferTo}; HEAD gets the same reply (the server leaves the body out). The strong
 * {@code ETag} is made from the size and modification time, {@code Last-Modified} from the
 * time. A directory requested without its trailing slash is redirected (301) to it, so relative
 * links in its page work; with the slash, its index file is served, else the listing when
 * enabled, else 404. Methods other than GET and HEAD get 405; a file the server may not read gets
 * 403. A request for several ranges gets them ordered and merged where they overlap or nearly
 * touch, as one {@code multipart/byteranges} 206 of at most 16 parts;
 * more parts than that get the whole file as a 200 (RFC 9110 §14.2 lets a server ignore Range),
 * so many small or overlapping ranges cannot amplify the answer (CVE-2011-3192).
 */
public final class StaticFiles {

    private final Path root;
    private final String indexFile;
    private final boolean listing;
    private final Map<String, String> types;

    private StaticFiles(Builder b) {
        this.root = b.realRoot;
        this.indexFile = b.indexFile;
        this.listing = b.listing;
        this.types = Map.copyOf(b.types);
    }

    /**
     * Returns files served from {@code root} with the defaults: {@code index.html}, no listing.
     *
     * @throws IllegalArgumentException if {@code root} is not an existing directory
     */
    public static StaticFiles of(Path root) {
        return builder(root).build();
    }

    /**
     * Returns a builder for files under {@code root}.
     *
     * @throws IllegalArgumentException if {@code root} is not an existing directory
     */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /**
     * Returns the reply for {@code method} on {@code rawPath}, the path below the root as
     * received (still percent-encoded, starting with {@code /}), given the request
     * {@code headers} (for conditional and range requests).
     *
     * @throws UncheckedIOException if the file system fails other than by a missing or unreadable
     *     file
     */
    public Reply serve(Method method, String rawPath, Headers headers) {
        if (!Method.GET.equals(method) && !Method.HEAD.equals(method)) {
            return Reply.builder(405).header("Allow", "GET, HEAD").build();
        }
        List<String> segments;
        try {
            segments = safeSegments(rawPath);
        } catch (AbortException e) {
            return text(e.status(), e.getMessage());
        }
        try {
            Path candidate = root;
            for (String s : segments) {
                if (!s.isEmpty()) {
                    candidate = candidate.resolve(s);
                }
            }
            // Defence in depth: the segment checks already make this impossible.
            if (!candidate.normalize().startsWith(root)) {
                return notFound();
            }
            Found found = findInsideRoot(candidate);
            if (found == null) {
                return notFound();
            }
            if (found.attrs.isDirectory()) {
                return directory(method, rawPath, segments, found.path, headers);
            }
            if (!found.attrs.isRegularFile()) {
                return notFound(); // devices, pipes, sockets
            }
            return file(method, found.path, found.attrs, headers);
        } catch (NoSuchFileException e) {
            return notFound(); // deleted between the checks and the read
        } catch (AccessDeniedException e) {
            return text(403, "403 Forbidden");
        } catch (InvalidPathException e) {
            // A name this file system cannot hold (e.g. '<' or ':' on Windows) cannot exist here.
            return text(400, "path " + Escape.quote(rawPath) + " is not a valid file name here");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + Escape.quote(rawPath) + " under " + root, e);
        }
    }

    /**
     * Returns a handler serving the request path below {@code prefix}; the router form is
     * {@link Router#staticFiles(String, StaticFiles)}. The prefix is removed by segment count, so
     * it works however the prefix itself was encoded in the request.
     */
    public Handler handler(String prefix) {
        int skip = prefixSegments(prefix);
        return req -> {
            String path = req.path();
            List<String> raw = PathSegments.split(path);
            if (raw.size() <= skip) {
                return notFound();
            }
            StringBuilder rest = new StringBuilder(path.length());
            for (int i = skip; i < raw.size(); i++) {
                rest.append('/').append(raw.get(i));
            }
            return serve(req.method(), rest.toString(), req.headers());
        };
    }

    /** Returns how many segments {@code prefix} has: 0 for "" or "/", 1 for "/assets". */
    static int prefixSegments(String prefix) {
        String p = prefix;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return 0;
        }
        if (p.charAt(0) != '/') {
            throw new IllegalArgumentException("static files prefix must start with '/', got " + Escape.quote(prefix));
        }
        return PathSegments.split(p).size();
    }

    /**
     * Returns the decoded segments of {@code rawPath} after the safety checks of the class
     * comment.
     *
     * @throws AbortException 400 naming the offending segment
     */
    static List<String> safeSegments(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            throw new AbortException(400, "path must start with '/', got " + Escape.quote(rawPath));
        }
        if (rawPath.indexOf('\\') >= 0) {
            throw new AbortException(400, "path " + Escape.quote(rawPath) + " holds a backslash");
        }
        List<String> segments = PathSegments.decode(rawPath);
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            String why = null;
            if (s.equals(".") || s.equals("..")) {
                why = "is a dot segment";
            } else if (s.isEmpty() && i < segments.size() - 1) {
                why = "is empty (two slashes)";
            } else if (s.indexOf('/') >= 0) {
                why = "holds an encoded slash";
            } else if (s.indexOf('\\') >= 0) {
                why = "holds a backslash";
            } else if (s.indexOf('\0') >= 0) {
                why = "holds NUL";
            }
            if (why != null) {
                throw new AbortException(400, "path segment " + (i + 1) + " of " + Escape.quote(rawPath) + " " + why
                        + "; static files are only served from below the root");
            }
        }
        return segments;
    }

    /** A file or directory found under the root: its real path and its attributes. */
    private static final class Found {
        final Path path;
        final BasicFileAttributes attrs;

        Found(Path path, BasicFileAttributes attrs) {
            this.path = path;
            this.attrs = attrs;
        }
    }

    /**
     * Returns {@code candidate} (the root plus plain segments) with its attributes when it exists
     * and its real path lies under the root, else null.
     *
     * <p>The root is already a real path, so only the components below it can be links: each is
     * looked at without following links, and only when one is a link is the whole path resolved
     * with {@code toRealPath()} and checked against the root. A file with no link on its way
     * costs one {@code lstat} per component below the root (one for a file in the root), whose
     * attributes are then the file's; {@code toRealPath()} alone costs a {@code readlink} per
     * component of the whole path, root included.
     */
    private Found findInsideRoot(Path candidate) throws IOException {
        Path p = root;
        BasicFileAttributes attrs = null;
        int below = candidate.getNameCount() - root.getNameCount();
        // Bounded by the number of segments of the request path.
        for (int i = 0; i < below; i++) {
            p = p.resolve(candidate.getName(root.getNameCount() + i));
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (FileSystemException e) {
                return null; // missing, not searchable, or below a plain file ("Not a directory")
            }
            if (attrs.isSymbolicLink()) {
                Path real;
                try {
                    real = candidate.toRealPath();
                } catch (NoSuchFileException e) {
                    return null; // a dangling link
                }
                return real.startsWith(root) ? new Found(real, Files.readAttributes(real, BasicFileAttributes.class)) : null;
            }
        }
        return new Found(p, attrs != null ? attrs : Files.readAttributes(root, BasicFileAttributes.class));
    }

    private Reply directory(Method method, String rawPath, List<String> segments, Path dir, Headers headers)
            throws IOException {
        if (!rawPath.endsWith("/")) {
            // A relative reference (RFC 9110 §10.2.2) keeps whatever prefix the files are mounted at.
            String last = PathSegments.split(rawPath).get(segments.size() - 1);
            return Reply.redirect(last + "/", 301);
        }
        if (indexFile != null) {
            Found index = findInsideRoot(dir.resolve(indexFile));
            if (index != null && index.attrs.isRegularFile()) {
                return file(method, index.path, index.attrs, headers);
            }
        }
        if (!listing) {
            return notFound();
        }
        List<DirectoryListing.Entry> entries = new ArrayList<>();
        boolean truncated = false;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (entries.size() == DirectoryListing.DEFAULT_MAX_ENTRIES) {
                    truncated = true;
                    break;
                }
                entries.add(new DirectoryListing.Entry(p.getFileName().toString(), Files.isDirectory(p)));
            }
        }
        String title = "/" + String.join("/", segments);
        return Reply.html(DirectoryListing.render(title, entries, segments.size() <= 1, truncated))
                .withHeader("X-Content-Type-Options", "nosniff");
    }

    private Reply file(Method method, Path file, BasicFileAttributes attrs, Headers headers) {
        long size = attrs.size();
        Instant modified = attrs.lastModifiedTime().toInstant();
        EntityTag etag = new EntityTag(false, Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()));
        String lastModified = HttpDates.format(modified);

        switch (Preconditions.evaluate(method, headers, etag, modified)) {
            case NOT_MODIFIED:
                // RFC 9110 §15.4.5: send the validators a 200 would have had, no content headers.
                return Reply.builder(304).header("ETag", etag.toString()).header("Last-Modified", lastModified).build();
            case PRECONDITION_FAILED:
                return Reply.status(412);
            default:
                break;
        }

        String type = contentType(file.getFileName().toString());
        Reply.Builder reply = Reply.builder(200)
                .header("Content-Type", type)
                .header("ETag", etag.toString())
                .header("Last-Modified", lastModified)
                .header("Accept-Ranges", "bytes");
        // Range is only defined for GET (RFC 9110 §14.2); HEAD describes the whole file.
        List<String> range = headers.all("Range");
        if (Method.GET.equals(method) && range.size() == 1 && Preconditions.ifRangeAllowsRange(headers, etag, modified)) {
            ByteRanges r = ByteRanges.parse(range.get(0), size);
            if (r.kind() == ByteRanges.Kind.SINGLE) {
                return reply.status(206)
                        .header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size)
                        .body(new ReplyBody.FileRegion(file, r.first(), r.length(), attrs))
                        .build();
            }
            if (r.kind() == ByteRanges.Kind.MULTIPLE) {
                ByteRangesBody parts = new ByteRangesBody(file, r, size, type);
                return reply.status(206)
                        .setHeader("Content-Type", parts.contentType())
                        .body(parts.open(), parts.length())
                        .build();
            }
            if (r.kind() == ByteRanges.Kind.UNSATISFIABLE) {
                return Reply.builder(416).header("Content-Range", "bytes */" + size).build();
            }
        }
        return reply.body(new ReplyBody.FileRegion(file, 0, size, attrs)).build();
    }

    private String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot >= 0 && !types.isEmpty()) {
            String custom = types.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (custom != null) {
                return custom;
            }
        }
        return ContentTypes.forFileName(fileName);
    }

    private static Reply notFound() {
        return text(404, "404 Not Found");
    }

    private static Reply text(int status, String message) {
        return Reply.text(message).withStatus(status);
    }

    /** A builder of {@link StaticFiles}. */
    public static final class Builder {
        private final Path realRoot;
        private String indexFile = "index.html";
        private boolean listing;
        private final Map<String, String> types = new HashMap<>();

        private Builder(Path root) {
            Objects.requireNonNull(root, "root");
            try {
                this.realRoot = root.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException("static files root " + root + " cannot be resolved: " + e, e);
            }
            if (!Files.isDirectory(realRoot)) {
                throw new IllegalArgumentException("static files root " + root + " is not a directory");
            }
        }

        /** Sets the file served for a directory, default {@code index.html}; null serves none. */
        public Builder indexFile(String name) {
            if (name != null && (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0
                    || name.equals(".") || name.equals(".."))) {
                throw new IllegalArgumentException("index file must be a plain file name, got " + Escape.quote(name));
            }
            this.indexFile = name;
            return this;
        }

        /** Turns the HTML listing of directories without an index file on or off (default off). */
        public Builder directoryListing(boolean enabled) {
            this.listing = enabled;
            return this;
        }

        /** Serves files ending in {@code .extension} (any case) as {@code contentType}. */
        public Builder contentType(String extension, String contentType) {
            String ext = extension.startsWith(".") ? extension.substring(1) : extension;
            Headers.builder().add("Content-Type", contentType); // validates the value
            types.put(ext.toLowerCase(Locale.ROOT), contentType);
            return this;
        }

        /** Returns the configured files. */
        public StaticFiles build() {
            return new StaticFiles(this);
        }
    }
}
