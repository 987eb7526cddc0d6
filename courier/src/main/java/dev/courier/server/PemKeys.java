package dev.courier.server;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads a PEM certificate chain and an unencrypted PKCS#8 private key (the files certbot and
 * {@code openssl req -newkey ... -nodes} write) into an in-memory {@link KeyStore} for TLS.
 *
 * <p>Only {@code -----BEGIN PRIVATE KEY-----} (PKCS#8, RFC 5208) is read: the older
 * {@code BEGIN RSA PRIVATE KEY} and {@code BEGIN EC PRIVATE KEY} forms and encrypted keys get an
 * error that says how to convert them ({@code openssl pkcs8 -topk8 -nocrypt}).
 */
final class PemKeys {

    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private PemKeys() {
    }

    /** Returns a key store holding the key under alias "server" with the chain, protected by {@code password}. */
    static KeyStore load(Path certificates, Path privateKey, char[] password) throws IOException, GeneralSecurityException {
        List<Certificate> chain = new ArrayList<>(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certificates))));
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + certificates + "; expected -----BEGIN CERTIFICATE-----");
        }
        PrivateKey key = readKey(Files.readString(privateKey, StandardCharsets.US_ASCII), privateKey,
                chain.get(0).getPublicKey().getAlgorithm());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", key, password, chain.toArray(new Certificate[0]));
        return ks;
    }

    private static PrivateKey readKey(String pem, Path file, String algorithm) throws GeneralSecurityException {
        int begin = pem.indexOf(KEY_BEGIN);
        int end = pem.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            String found = pem.contains("-----BEGIN ") ? pem.substring(pem.indexOf("-----BEGIN "), Math.min(pem.length(),
                    pem.indexOf("-----BEGIN ") + 40)).split("\n")[0] : "no PEM block";
            throw new GeneralSecurityException("no unencrypted PKCS#8 key (" + KEY_BEGIN + ") in " + file + ", found "
                    + Escape.quote(found) + "; convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + KEY_BEGIN.length(), end));
        // The key's algorithm follows the certificate's public key: RSA or EC (or EdDSA).
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
