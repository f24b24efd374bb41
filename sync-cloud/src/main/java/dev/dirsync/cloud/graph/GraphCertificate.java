package dev.dirsync.cloud.graph;

import dev.dirsync.cloud.graph.internal.CertificateFiles;
import dev.dirsync.core.Secret;
import java.nio.file.Path;

/**
 * The certificate the adapter authenticates with instead of a client secret: a PKCS#12 file (.pfx,
 * .p12) or a PEM file holding the certificate and its RSA private key. The file is read and checked
 * here (the password opens it, the key is RSA and belongs to the certificate), so a bad file is a
 * configuration error before anything connects.
 *
 * @param path the file
 * @param password the password of the PKCS#12 file or of an encrypted PEM key; null for none
 */
public record GraphCertificate(Path path, Secret password) {

    public GraphCertificate {
        if (path == null || path.toString().isBlank()) {
            throw new IllegalArgumentException("target.certificate.path is required");
        }
        if (password != null && password.reveal().isEmpty()) {
            password = null;
        }
        CertificateFiles.load(path, password == null ? null : password.reveal());
    }
}
