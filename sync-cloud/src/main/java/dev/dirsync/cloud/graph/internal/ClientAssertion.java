package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import okhttp3.FormBody;

/**
 * Certificate credentials ({@code private_key_jwt}): each token request carries a fresh JWT signed
 * with RS256, whose header names the certificate by its SHA-256 thumbprint ({@code x5t#S256}, and
 * the SHA-1 one as {@code x5t} for endpoints that still expect it) and whose claims are
 * <ul>
 *   <li>{@code aud}: the token endpoint the assertion is sent to,</li>
 *   <li>{@code iss} and {@code sub}: the client id,</li>
 *   <li>{@code jti}: a random UUID, never reused,</li>
 *   <li>{@code nbf}, {@code iat}: now; {@code exp}: {@link #LIFETIME} later.</li>
 * </ul>
 * The assertion is a credential for its lifetime: it is redacted from messages like a secret.
 */
public final class ClientAssertion implements ClientCredential {
    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningCertificate certificate;
    private final String audience;
    private final String clientId;
    private final Clock clock;
    private volatile String last;

    public ClientAssertion(SigningCertificate certificate, String audience, String clientId, Clock clock) {
        this.certificate = certificate;
        this.audience = audience;
        this.clientId = clientId;
        this.clock = clock;
    }

    /** A new signed assertion. */
    public String next() {
        long now = clock.instant().getEpochSecond();
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("x5t#S256", certificate.sha256Thumbprint());
        header.put("x5t", certificate.sha1Thumbprint());
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("aud", audience);
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("nbf", now);
        claims.put("iat", now);
        claims.put("exp", now + LIFETIME.toSeconds());
        String signingInput = encode(header) + "." + encode(claims);
        String assertion = signingInput + "."
                + BASE64URL.encodeToString(certificate.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        last = assertion;
        return assertion;
    }

    @Override
    public void addTo(FormBody.Builder form) {
        form.add("client_assertion_type", ASSERTION_TYPE);
        form.add("client_assertion", next());
    }

    @Override
    public String redact(String text) {
        String assertion = last;
        return assertion == null ? text : text.replace(assertion, "****");
    }

    private static String encode(ObjectNode node) {
        try {
            return BASE64URL.encodeToString(GraphJson.MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    @Override
    public String toString() {
        return "ClientAssertion[" + certificate + ", client id " + clientId + "]";
    }
}
