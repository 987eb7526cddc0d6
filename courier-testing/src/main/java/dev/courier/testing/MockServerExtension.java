package dev.courier.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link MockServerTest}: resolves {@link MockServer} parameters of
 * test methods with one server per test, and closes it after the test. Usable directly with
 * {@code @ExtendWith(MockServerExtension.class)}.
 *
 * <p>Every {@code MockServer} parameter of one test receives the same server. HTTPS is chosen by
 * {@link MockServerTest#https()} on the method, else on the class.
 */
public final class MockServerExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MockServerExtension.class);
    private static final String KEY = "server";

    /** Returns a new extension; JUnit makes one per registration. */
    public MockServerExtension() {
    }

    /** Returns true for parameters of type {@link MockServer}. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MockServer.class;
    }

    /** Returns this test's server, starting it on first use. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Holder existing = store.get(KEY, Holder.class);
        if (existing != null) {
            return existing.server;
        }
        MockServer server = wantsHttps(context) ? MockServer.startHttps() : MockServer.start();
        store.put(KEY, new Holder(server));
        return server;
    }

    /** Closes the server of the test that just ran, if one was started. */
    @Override
    public void afterEach(ExtensionContext context) {
        Holder h = context.getStore(NAMESPACE).remove(KEY, Holder.class);
        if (h != null) {
            h.server.close();
        }
    }

    private static boolean wantsHttps(ExtensionContext context) {
        Optional<MockServerTest> onMethod = context.getTestMethod().flatMap(MockServerExtension::annotation);
        if (onMethod.isPresent()) {
            return onMethod.get().https();
        }
        return context.getTestClass().flatMap(MockServerExtension::annotation).map(MockServerTest::https).orElse(false);
    }

    private static Optional<MockServerTest> annotation(AnnotatedElement e) {
        return Optional.ofNullable(e.getAnnotation(MockServerTest.class));
    }

    /** Keeps the server in JUnit's store without handing JUnit an AutoCloseable to close twice. */
    private static final class Holder {
        final MockServer server;

        Holder(MockServer server) {
            this.server = server;
        }
    }
}
