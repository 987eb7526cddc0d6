package dev.courier.bench;

import dev.courier.server.HttpServer;
import dev.courier.server.Router;
import dev.courier.templates.PebbleTemplates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Courier's side of the pages suite, run in its own JVM by {@link PagesBench}:
 * {@code CourierPagesServer} prints {@code READY <port>}, then serves {@value PagesBench#PAGE_PATH}
 * until its standard input closes.
 *
 * <p>The page is what a Flask user would write: a {@link Router} route whose handler builds the
 * model per request (50 {@link Product} rows) and answers
 * {@code pages.reply(req, "page.html", model)} with {@link PebbleTemplates} reading the templates
 * of {@value PagesBench#TEMPLATES} from the class path (compiled once and cached, escaping on, as
 * by default). The access log is off, as in {@link CourierBenchServer}: gunicorn writes none by
 * default either.
 */
final class CourierPagesServer {

    /** Held strongly: java.util.logging keeps only weak references to configured loggers. */
    private static final Logger ACCESS_LOG = Logger.getLogger("dev.courier.server.access");

    /**
     * One row of the page: the record a Java application would use where the Flask app uses a dict.
     *
     * @param id        shown as is and in links
     * @param name      contains {@code <b>}, {@code &} and {@code "}, which the template must escape
     * @param price     shown with two decimals
     * @param available shown as "in stock" or "sold out" by an if/else
     */
    record Product(int id, String name, double price, boolean available) {
    }

    private CourierPagesServer() {
    }

    public static void main(String[] args) throws Exception {
        ACCESS_LOG.setLevel(Level.OFF);
        Router router = new Router();
        PebbleTemplates pages = PebbleTemplates.builder(router).classpath(PagesBench.TEMPLATES).build();
        router.get(PagesBench.PAGE_PATH, req -> pages.reply(req, "page.html",
                Map.of("title", "Products", "user", "Ada <admin>", "rows", products())));
        HttpServer server = HttpServer.builder().host("127.0.0.1").port(0).handler(router).start();
        try {
            System.out.println("READY " + server.port());
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the driver to close our input
            }
        } finally {
            server.stop(Duration.ZERO);
        }
        System.exit(0);
    }

    /** Returns the page's rows, built afresh as the Flask app builds its list of dicts. */
    static List<Product> products() {
        List<Product> rows = new ArrayList<>(PagesBench.ROWS);
        for (int i = 1; i <= PagesBench.ROWS; i++) {
            rows.add(new Product(i, "Widget <b>" + i + "</b> & \"friends\"", (i * 137 % 10000) / 100.0, i % 3 != 0));
        }
        return rows;
    }
}
