package dev.courier.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code courier [METHOD] URL [ITEM...]}, named and spelled as HTTPie's. */
@Command(name = "courier", mixinStandardHelpOptions = false, sortOptions = false, usageHelpWidth = 110,
        description = {
            "HTTPie's command line on Courier's engine.",
            "",
            "  courier :8080/get page==2              GET http://localhost:8080/get?page=2",
            "  courier POST :8080/post name=Ada age:=36   JSON body {\"name\": \"Ada\", \"age\": 36}",
            "  courier -f :8080/post name=Ada photo@me.jpg   multipart upload",
            "  courier --offline PUT example.org X-Token:abc   print the request, send nothing",
            "  courier -d https://example.org/big.iso   download to a file",
            "  courier serve | courier demo",
            "",
            "Request items:",
            "  Header:value   header        Header:   remove a header    Header;   empty header",
            "  name==value    query param   field=value   JSON string / form field",
            "  field:=json    raw JSON      field=@file   string from file   field:=@f.json   JSON from file",
            "  field@path     file upload (form), field@path;type=image/png sets its type",
            "  user[name]=Ada  tags[]=x   nested JSON; escape a separator with \\",
            ""},
        footer = {"", "Exit status: 0 ok, 1 error, 2 timeout, 3/4/5 for 3xx/4xx/5xx with --check-status,"
            + " 6 too many redirects."})
final class Options {

    @Parameters(arity = "1..*", paramLabel = "[METHOD] URL [ITEM...]",
            description = "Method (default GET, or POST with body data), URL (':8080/p' means http://localhost:8080/p)"
                    + " and request items.")
    List<String> positionals = new ArrayList<>();

    // ---- body
    @Option(names = {"--json", "-j"}, description = "Send data items as JSON (the default).")
    boolean json;
    @Option(names = {"--form", "-f"}, description = "Send data items as a form; multipart when a file is attached.")
    boolean form;
    @Option(names = "--multipart", description = "Send data items as multipart/form-data even without a file.")
    boolean multipart;
    @Option(names = "--boundary", paramLabel = "B", description = "The multipart boundary to use.")
    String boundary;
    @Option(names = "--raw", paramLabel = "TEXT", description = "Send TEXT as the body, as it is.")
    String raw;
    @Option(names = {"--compress", "-x"}, description = "Deflate the body when it gets smaller; -xx always.")
    boolean[] compress = new boolean[0];
    @Option(names = "--chunked", description = "Send the body with chunked transfer coding.")
    boolean chunked;
    @Option(names = {"--ignore-stdin", "-I"}, description = "Do not read a body from a piped stdin.")
    boolean ignoreStdin;

    // ---- output
    @Option(names = {"--print", "-p"}, paramLabel = "WHAT",
            description = "What to print: H request headers, B request body, h response headers, b response body, "
                    + "m metadata.")
    String print;
    @Option(names = {"--verbose", "-v"}, description = "Print the whole exchange (-p HBhb); -vv adds metadata.")
    boolean[] verbose = new boolean[0];
    @Option(names = {"--headers", "-h"}, description = "Print only the response headers.")
    boolean headersOnly;
    @Option(names = {"--body", "-b"}, description = "Print only the response body.")
    boolean bodyOnly;
    @Option(names = {"--quiet", "-q"}, description = "Print nothing (errors still go to stderr).")
    boolean quiet;
    @Option(names = "--offline", description = "Build the request and print it, but do not send it.")
    boolean offline;
    @Option(names = "--pretty", paramLabel = "all|colors|format|none",
            description = "Output processing; default all on a terminal, none otherwise.")
    String pretty;
    @Option(names = {"--sorted"}, description = "Sort headers and JSON keys (with --pretty format).")
    boolean sorted;
    @Option(names = {"--unsorted"}, description = "Keep headers and JSON keys in their order.")
    boolean unsorted;
    @Option(names = {"--stream", "-S"}, description = "Print the response body as it arrives, line by line.")
    boolean stream;
    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "Write the output to FILE.")
    String output;
    @Option(names = {"--download", "-d"}, description = "Save the response body to a file (name from the response).")
    boolean download;
    @Option(names = {"--continue", "-c"}, description = "Resume a partial --download into --output with Range.")
    boolean resume;

    // ---- connection
    @Option(names = {"--auth", "-a"}, paramLabel = "USER[:PASS]|TOKEN", description = "Credentials; prompts for"
            + " a missing password.")
    String auth;
    @Option(names = {"--auth-type", "-A"}, paramLabel = "basic|bearer", description = "Credentials scheme.")
    String authType = "basic";
    @Option(names = {"--follow", "-F"}, description = "Follow redirects.")
    boolean follow;
    @Option(names = "--max-redirects", paramLabel = "N", description = "Most redirects to follow (default 30).")
    int maxRedirects = 30;
    @Option(names = "--all", description = "Print the intermediary responses (redirects) too.")
    boolean all;
    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Connect and read timeout.")
    Double timeout;
    @Option(names = "--verify", paramLabel = "yes|no|PEM", description = "Check the TLS certificate (default yes).")
    String verify = "yes";
    @Option(names = "--cert", paramLabel = "PEM", description = "Client certificate (PEM).")
    String cert;
    @Option(names = "--cert-key", paramLabel = "PEM", description = "Private key of --cert (PEM, PKCS#8).")
    String certKey;
    @Option(names = "--proxy", paramLabel = "PROTOCOL:URL",
            description = "Send PROTOCOL (http or https) requests through the HTTP proxy at URL; repeatable.")
    List<String> proxies = new ArrayList<>();
    @Option(names = "--check-status", description = "Exit 3, 4 or 5 for a 3xx, 4xx or 5xx response.")
    boolean checkStatus;
    @Option(names = "--default-scheme", paramLabel = "SCHEME", description = "Scheme of URLs without one (http).")
    String defaultScheme = "http";
    @Option(names = "--session", paramLabel = "NAME|PATH", description = "Read and update an HTTPie session file.")
    String session;
    @Option(names = "--session-read-only", paramLabel = "NAME|PATH", description = "Read a session, never update it.")
    String sessionReadOnly;
    @Option(names = "--cookies", paramLabel = "FILE", description = "Netscape cookies.txt to load and save (curl's).")
    String cookies;

    // ---- misc
    @Option(names = "--traceback", description = "Print the stack trace of an error.")
    boolean traceback;
    @Option(names = "--help", usageHelp = true, description = "Show this help.")
    boolean help;
    @Option(names = "--version", versionHelp = true, description = "Show the version.")
    boolean version;
}
