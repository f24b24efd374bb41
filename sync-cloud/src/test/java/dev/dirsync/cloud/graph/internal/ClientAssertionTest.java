package dev.dirsync.cloud.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import okhttp3.FormBody;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientAssertionTest {
    private static final String TOKEN_URL = "https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token";
    private static final String CLIENT_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    @TempDir
    static Path dir;

    private static SigningCertificate certificate;

    @BeforeAll
    static void makeCertificate() {
        certificate =
                CertificateFiles.load(TestCertificates.rsaPkcs12(dir, "assertion-app"), TestCertificates.PASSWORD);
    }

    private final ClientAssertion assertion =
            new ClientAssertion(certificate, TOKEN_URL, CLIENT_ID, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void next_isAnRs256JwtNamingTheCertificateWithTheClaimsTheTokenEndpointChecks() {
        TestJwt jwt = TestJwt.parse(assertion.next(), certificate.certificate());

        assertThat(jwt.signatureVerifies()).isTrue();
        assertThat(jwt.header().get("alg").asText()).isEqualTo("RS256");
        assertThat(jwt.header().get("typ").asText()).isEqualTo("JWT");
        assertThat(jwt.header().get("x5t#S256").asText())
                .isEqualTo(TestJwt.thumbprint("SHA-256", certificate.certificate()));
        assertThat(jwt.header().get("x5t").asText()).isEqualTo(TestJwt.thumbprint("SHA-1", certificate.certificate()));
        JsonNode claims = jwt.claims();
        assertThat(claims.get("aud").asText()).isEqualTo(TOKEN_URL);
        assertThat(claims.get("iss").asText()).isEqualTo(CLIENT_ID);
        assertThat(claims.get("sub").asText()).isEqualTo(CLIENT_ID);
        assertThat(UUID.fromString(claims.get("jti").asText())).isNotNull();
        assertThat(claims.get("nbf").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 600);
    }

    @Test
    void next_neverReusesAJwtId() {
        String first = TestJwt.parse(assertion.next(), certificate.certificate())
                .claims()
                .get("jti")
                .asText();
        String second = TestJwt.parse(assertion.next(), certificate.certificate())
                .claims()
                .get("jti")
                .asText();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void addTo_sendsTheAssertionTypeAndAFreshAssertion_andRedactsIt() {
        FormBody.Builder builder = new FormBody.Builder();
        assertion.addTo(builder);
        FormBody form = builder.build();

        assertThat(form.size()).isEqualTo(2);
        assertThat(form.name(0)).isEqualTo("client_assertion_type");
        assertThat(form.value(0)).isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(form.name(1)).isEqualTo("client_assertion");
        assertThat(assertion.redact("echo: " + form.value(1))).isEqualTo("echo: ****");
        assertThat(assertion.toString()).contains(CLIENT_ID).doesNotContain(form.value(1));
    }
}
