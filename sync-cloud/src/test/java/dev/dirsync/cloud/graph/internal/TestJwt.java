package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A compact JWT taken apart: header and claims decoded, the RS256 signature checked against a
 * certificate's public key.
 */
public record TestJwt(JsonNode header, JsonNode claims, boolean signatureVerifies) {

    public static TestJwt parse(String compact, X509Certificate certificate) {
        String[] parts = compact.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a compact JWT has three parts, this one " + parts.length);
        }
        Base64.Decoder base64url = Base64.getUrlDecoder();
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return new TestJwt(
                    GraphJson.tree(base64url.decode(parts[0])),
                    GraphJson.tree(base64url.decode(parts[1])),
                    verifier.verify(base64url.decode(parts[2])));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a JWT this certificate can check", e);
        }
    }

    /** Base64url of the {@code digest} (SHA-256, SHA-1) of the certificate's DER encoding. */
    public static String thumbprint(String digest, X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance(digest).digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
