package dev.dirsync.cloud.graph.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;

/**
 * An RSA private key with the certificate that carries its public key: what signs the client
 * assertion. The key never appears in {@link #toString()}.
 */
public final class SigningCertificate {
    static final String ALGORITHM = "SHA256withRSA";

    private final PrivateKey key;
    private final X509Certificate certificate;

    /** @throws IllegalArgumentException when the key is not RSA or does not belong to the certificate */
    public SigningCertificate(PrivateKey key, X509Certificate certificate) {
        if (!(key instanceof RSAPrivateKey)) {
            throw new IllegalArgumentException(
                    "the private key is " + key.getAlgorithm() + "; an RSA key is required (RS256)");
        }
        if (!belongsTogether(key, certificate)) {
            throw new IllegalArgumentException("the private key does not belong to the certificate "
                    + certificate.getSubjectX500Principal().getName());
        }
        this.key = key;
        this.certificate = certificate;
    }

    /** True when {@code certificate}'s public key verifies what {@code key} signs. */
    static boolean belongsTogether(PrivateKey key, X509Certificate certificate) {
        if (!"RSA".equals(certificate.getPublicKey().getAlgorithm()) || !(key instanceof RSAPrivateKey)) {
            return false;
        }
        try {
            byte[] probe = "dirsync key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** RS256: RSASSA-PKCS1-v1_5 with SHA-256. */
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with a checked RSA key failed", e);
        }
    }

    /** Base64url of the SHA-256 digest of the certificate's DER encoding (JWT header x5t#S256). */
    public String sha256Thumbprint() {
        return thumbprint("SHA-256");
    }

    /** Base64url of the SHA-1 digest of the certificate's DER encoding (JWT header x5t). */
    public String sha1Thumbprint() {
        return thumbprint("SHA-1");
    }

    public X509Certificate certificate() {
        return certificate;
    }

    private String thumbprint(String digest) {
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digest + " thumbprint of a parsed certificate failed", e);
        }
    }

    @Override
    public String toString() {
        return "SigningCertificate[" + certificate.getSubjectX500Principal().getName() + ", x5t#S256="
                + sha256Thumbprint() + ", valid until "
                + certificate.getNotAfter().toInstant() + "]";
    }
}
