package dev.courier.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ConnectorTest {

    private static final Origin ORIGIN = new Origin("https", "example.com", 443);

    private static SSLHandshakeException chain(Throwable cause) {
        SSLHandshakeException top = new SSLHandshakeException("PKIX path validation failed");
        top.initCause(cause);
        return top;
    }

    @Test
    void expiryIsNamedEvenUnderAPathValidationError() {
        String m = Connector.explain(ORIGIN, chain(new CertPathValidatorException("validity check failed",
                new CertificateExpiredException("NotAfter: Tue Nov 24"))));
        assertTrue(m.contains("has expired"), m);
    }

    @Test
    void pathValidationFailureIsAnUnknownCa() {
        String m = Connector.explain(ORIGIN, chain(new CertPathValidatorException("no trust anchor")));
        assertTrue(m.contains("unknown CA") && m.contains("trustPem"), m);
    }

    @Test
    void subjectNameMismatchIsAHostnameMismatch() {
        String m = Connector.explain(ORIGIN,
                chain(new java.security.cert.CertificateException("No name matching example.com found")));
        assertTrue(m.contains("hostname mismatch") && m.contains("example.com"), m);
    }

    @Test
    void ipLiteralsGetNoSniButHostNamesStartingWithDigitsDo() {
        assertTrue(Connector.isIpLiteral("127.0.0.1"));
        assertTrue(Connector.isIpLiteral("::1"));
        assertTrue(!Connector.isIpLiteral("1password.com"));
        assertTrue(!Connector.isIpLiteral("localhost"));
    }
}
