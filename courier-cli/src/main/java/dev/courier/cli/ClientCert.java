package dev.courier.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * Loads {@code --cert} and {@code --cert-key} (PEM) into a KeyStore for
 * {@code SessionBuilder.clientCertificate}, since the library takes a KeyStore, not PEM files.
 * The key must be unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), RSA or EC; when
 * {@code --cert-key} is absent the key is looked for in the {@code --cert} file.
 */
final class ClientCert {

    static final char[] PASSWORD = "courier".toCharArray();

    private ClientCert() {
    }

    static KeyStore load(String certPem, String keyPem) {
        try {
            String certText = Files.readString(Path.of(certPem), StandardCharsets.US_ASCII);
            String keyText = keyPem == null ? certText : Files.readString(Path.of(keyPem), StandardCharsets.US_ASCII);
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(certText.getBytes(StandardCharsets.US_ASCII)));
            if (chain.isEmpty()) {
                throw new CliException("--cert " + certPem + " holds no certificate");
            }
            byte[] der = pemBlock(keyText, "PRIVATE KEY");
            if (der == null) {
                throw new CliException("no '-----BEGIN PRIVATE KEY-----' (unencrypted PKCS#8) in "
                        + (keyPem == null ? certPem : keyPem) + "; convert with: openssl pkcs8 -topk8 -nocrypt");
            }
            PrivateKey key = null;
            for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
                try {
                    key = KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
                    break;
                } catch (GeneralSecurityException tryNext) {
                    key = null;
                }
            }
            if (key == null) {
                throw new CliException("cannot read the private key: not RSA, EC or Ed25519 PKCS#8");
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", key, PASSWORD, chain.toArray(new Certificate[0]));
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new CliException("cannot load the client certificate: " + e.getMessage());
        }
    }

    private static byte[] pemBlock(String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        int b = text.indexOf(begin);
        if (b < 0) {
            return null;
        }
        int e = text.indexOf("-----END " + label + "-----", b);
        if (e < 0) {
            return null;
        }
        return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    }
}
