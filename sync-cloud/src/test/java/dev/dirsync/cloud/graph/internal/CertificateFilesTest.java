package dev.dirsync.cloud.graph.internal;

import static dev.dirsync.cloud.graph.internal.TestCertificates.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.cloud.graph.internal.TestCertificates.KeyBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The certificate file formats: PKCS#12 and PEM (PKCS#8, PKCS#1, encrypted PKCS#8), and their refusals. */
class CertificateFilesTest {

    @TempDir
    static Path dir;

    private static Path pkcs12;
    private static KeyStore.PrivateKeyEntry entry;
    private static KeyStore.PrivateKeyEntry other;

    @BeforeAll
    static void makeCertificates() {
        pkcs12 = TestCertificates.rsaPkcs12(dir, "dirsync-app");
        entry = TestCertificates.entry(pkcs12);
        other = TestCertificates.entry(TestCertificates.rsaPkcs12(dir, "someone-else"));
    }

    private static X509Certificate certificate(KeyStore.PrivateKeyEntry of) {
        return (X509Certificate) of.getCertificate();
    }

    private static String sha256(X509Certificate certificate)
            throws NoSuchAlgorithmException, CertificateEncodingException {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    @Test
    void pkcs12_openedWithItsPassword() throws Exception {
        SigningCertificate signing = CertificateFiles.load(pkcs12, PASSWORD);

        assertThat(signing.certificate()).isEqualTo(certificate(entry));
        assertThat(signing.sha256Thumbprint()).isEqualTo(sha256(certificate(entry)));
        assertThat(signing.toString()).contains("CN=dirsync-app").doesNotContain(PASSWORD);
    }

    @Test
    void pkcs12_wrongPassword_refusedNamingThePasswordKeyButNotThePassword() {
        assertThatThrownBy(() -> CertificateFiles.load(pkcs12, "not-" + PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target.certificate.password does not open the PKCS#12 file " + pkcs12)
                .message()
                .doesNotContain(PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(KeyBlock.class)
    void pem_eachKeyBlock_readWithItsCertificate(KeyBlock block) throws Exception {
        Path pem = TestCertificates.pem(dir.resolve("app-" + block + ".pem"), entry, block, certificate(entry));

        SigningCertificate signing = CertificateFiles.load(pem, block == KeyBlock.ENCRYPTED ? PASSWORD : null);

        assertThat(signing.sha256Thumbprint()).isEqualTo(sha256(certificate(entry)));
    }

    @Test
    void pem_chain_theCertificateMatchingTheKeyIsChosen() throws Exception {
        Path pem = TestCertificates.pem(
                dir.resolve("chain.pem"), entry, KeyBlock.PKCS8, certificate(other), certificate(entry));

        assertThat(CertificateFiles.load(pem, null).sha256Thumbprint()).isEqualTo(sha256(certificate(entry)));
    }

    @Test
    void pem_keyOfAnotherCertificate_refused() {
        Path pem = TestCertificates.pem(dir.resolve("mismatch.pem"), other, KeyBlock.PKCS8, certificate(entry));

        assertThatThrownBy(() -> CertificateFiles.load(pem, null))
                .hasMessage(
                        "target.certificate.path: the private key in " + pem + " does not belong to its certificate");
    }

    @Test
    void pem_encryptedKey_withoutOrWithAWrongPassword_refusedNamingThePasswordKey() {
        Path pem = TestCertificates.pem(dir.resolve("encrypted.pem"), entry, KeyBlock.ENCRYPTED, certificate(entry));

        assertThatThrownBy(() -> CertificateFiles.load(pem, null))
                .hasMessage("target.certificate.password is required: the private key in " + pem + " is encrypted");
        assertThatThrownBy(() -> CertificateFiles.load(pem, "wrong"))
                .hasMessage("target.certificate.password does not decrypt the private key in " + pem);
    }

    @Test
    void pem_withoutKeyOrWithoutCertificate_refused() throws IOException {
        Path noKey = dir.resolve("no-key.pem");
        Files.writeString(
                noKey,
                Files.readString(TestCertificates.pem(
                                dir.resolve("full.pem"), entry, KeyBlock.PKCS8, certificate(entry)))
                        .replaceAll("(?s)-----BEGIN PRIVATE KEY-----.*", ""));
        Path noCertificate = dir.resolve("no-certificate.pem");
        Files.writeString(
                noCertificate,
                Files.readString(dir.resolve("full.pem"))
                        .replaceAll("(?s)-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\n", ""));

        assertThatThrownBy(() -> CertificateFiles.load(noKey, null))
                .hasMessage("target.certificate.path: " + noKey
                        + " holds no private key (PRIVATE KEY, ENCRYPTED PRIVATE KEY or RSA PRIVATE KEY block)");
        assertThatThrownBy(() -> CertificateFiles.load(noCertificate, null))
                .hasMessage("target.certificate.path: " + noCertificate + " holds no CERTIFICATE block");
    }

    @Test
    void ecKey_refused_rs256NeedsRsa() {
        Path ec = TestCertificates.ecPkcs12(dir, "ec-app");

        assertThatThrownBy(() -> CertificateFiles.load(ec, PASSWORD))
                .hasMessage("target.certificate.path: the key in " + ec + " is EC; an RSA key is required (RS256)");
    }

    @Test
    void missingOrForeignFile_refusedNamingThePath() throws IOException {
        Path missing = dir.resolve("missing.pfx");
        Path foreign = Files.writeString(dir.resolve("notes.txt"), "not a certificate");

        assertThatThrownBy(() -> CertificateFiles.load(missing, null))
                .hasMessage("target.certificate.path: cannot read " + missing + " (NoSuchFileException)");
        assertThatThrownBy(() -> CertificateFiles.load(foreign, null))
                .hasMessageStartingWith(
                        "target.certificate.path: " + foreign + " is neither a PEM file nor a readable PKCS#12 file");
    }
}
