package dev.courier.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** Jetty 12 core API (no servlets): a hello handler in front of a {@code ResourceHandler}, default thread pool. */
final class JettyBenchServer implements BenchServer {

    private static final ByteBuffer HELLO_BUFFER = ByteBuffer.wrap(HELLO).asReadOnlyBuffer();

    private final Server server;
    private final ServerConnector connector;

    private JettyBenchServer(Path staticDir) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(staticDir));
        files.setDirAllowed(false);
        server.setHandler(new Hello(files));
        server.start();
    }

    static BenchServer start(Path staticDir) throws Exception {
        return new JettyBenchServer(staticDir);
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping a benchmark server: nothing more to do
        }
    }

    /** Answers the hello path itself and hands everything else to the static files. */
    private static final class Hello extends Handler.Wrapper {
        Hello(Handler next) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!HELLO_PATH.equals(request.getHttpURI().getPath())) {
                return super.handle(request, response, callback);
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, HELLO.length);
            response.write(true, HELLO_BUFFER.slice(), callback);
            return true;
        }
    }
}
