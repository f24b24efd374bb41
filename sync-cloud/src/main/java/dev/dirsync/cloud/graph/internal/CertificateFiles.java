package dev.dirsync.cloud.graph.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads the certificate and RSA private key the client assertion is signed with, from either
 * <ul>
 *   <li>a PKCS#12 file (.pfx, .p12): the first entry holding a private key, opened with the
 *       password (none: an empty one), or</li>
 *   <li>a PEM file holding a CERTIFICATE (of a chain, the one matching the key) and the key as
 *       PRIVATE KEY (PKCS#8), ENCRYPTED PRIVATE KEY (PKCS#8, PBES2, needs the password) or
 *       RSA PRIVATE KEY (PKCS#1, unencrypted).</li>
 * </ul>
 * Every refusal is an {@link IllegalArgumentException} naming the configuration key at fault; none
 * quotes the password.
 */
public final class CertificateFiles {
    static final String PATH_KEY = "target.certificate.path";
    static final String PASSWORD_KEY = "target.certificate.password";

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String PBES2_OID = "1.2.840.113549.1.5.13";
    /** AlgorithmIdentifier of rsaEncryption with NULL parameters, DER. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private CertificateFiles() {}

    public static SigningCertificate load(Path path, String password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    PATH_KEY + ": cannot read " + path + " (" + e.getClass().getSimpleName() + ")", e);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.contains("-----BEGIN ") ? pem(path, text, password) : pkcs12(path, bytes, password);
    }

    private static SigningCertificate pkcs12(Path path, byte[] bytes, String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), secret);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException(PASSWORD_KEY + " does not open the PKCS#12 file " + path, e);
            }
            throw new IllegalArgumentException(
                    PATH_KEY + ": " + path + " is neither a PEM file nor a readable PKCS#12 file (" + e.getMessage()
                            + ")",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    PATH_KEY + ": " + path + " is not a readable PKCS#12 file (" + e.getMessage() + ")", e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, secret);
                Certificate certificate = store.getCertificate(alias);
                if (key instanceof PrivateKey privateKey && certificate instanceof X509Certificate x509) {
                    return signing(path, privateKey, List.of(x509));
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException(PASSWORD_KEY + " does not open the private key in " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    PATH_KEY + ": the private key in " + path + " cannot be read (" + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException(PATH_KEY + ": " + path + " holds no private key with its certificate");
    }

    private static SigningCertificate pem(Path path, String text, String password) {
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key = null;
        Matcher block = PEM_BLOCK.matcher(text);
        while (block.find()) {
            String type = block.group(1);
            String content = block.group(2);
            switch (type) {
                case "CERTIFICATE" -> certificates.add(certificate(path, decode(path, type, content)));
                case "PRIVATE KEY" -> key = rsaKey(path, decode(path, type, content));
                case "RSA PRIVATE KEY" -> {
                    if (content.contains("ENCRYPTED")) {
                        throw new IllegalArgumentException(
                                PATH_KEY + ": the RSA PRIVATE KEY in " + path + " is encrypted the"
                                        + " legacy OpenSSL way; convert it to PKCS#8 (openssl pkcs8 -topk8)");
                    }
                    key = rsaKey(path, pkcs8FromPkcs1(decode(path, type, content)));
                }
                case "ENCRYPTED PRIVATE KEY" -> key = decrypt(path, decode(path, type, content), password);
                case "EC PRIVATE KEY" -> throw new IllegalArgumentException(
                        PATH_KEY + ": the key in " + path + " is an EC key; an RSA key is required (RS256)");
                default -> {
                    // Other blocks (parameters, CSRs) are not ours to judge.
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(PATH_KEY + ": " + path + " holds no CERTIFICATE block");
        }
        if (key == null) {
            throw new IllegalArgumentException(PATH_KEY + ": " + path
                    + " holds no private key (PRIVATE KEY, ENCRYPTED PRIVATE KEY or RSA PRIVATE KEY block)");
        }
        return signing(path, key, certificates);
    }

    /** The certificate of {@code candidates} that carries the key's public half. */
    private static SigningCertificate signing(Path path, PrivateKey key, List<X509Certificate> candidates) {
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException(PATH_KEY + ": the key in " + path + " is " + key.getAlgorithm()
                    + "; an RSA key is required (RS256)");
        }
        for (X509Certificate candidate : candidates) {
            if (SigningCertificate.belongsTogether(key, candidate)) {
                return new SigningCertificate(key, candidate);
            }
        }
        throw new IllegalArgumentException(PATH_KEY + ": the private key in " + path + " does not belong to "
                + (candidates.size() == 1 ? "its certificate" : "any of its " + candidates.size() + " certificates"));
    }

    private static byte[] decode(Path path, String type, String content) {
        StringBuilder base64 = new StringBuilder();
        for (String line : content.split("\\R")) {
            if (!line.contains(":")) {
                base64.append(line.strip());
            }
        }
        try {
            return Base64.getMimeDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PATH_KEY + ": the " + type + " block in " + path + " is not valid Base64", e);
        }
    }

    private static X509Certificate certificate(Path path, byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(
                    PATH_KEY + ": a CERTIFICATE block in " + path + " is not an X.509 certificate (" + e.getMessage()
                            + ")",
                    e);
        }
    }

    private static PrivateKey rsaKey(Path path, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException(
                    PATH_KEY + ": the private key in " + path + " is not an RSA key; an RSA key is required (RS256)",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime supports RSA keys", e);
        }
    }

    private static PrivateKey decrypt(Path path, byte[] der, String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(
                    PASSWORD_KEY + " is required: the private key in " + path + " is encrypted");
        }
        PKCS8EncodedKeySpec decrypted;
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            AlgorithmParameters parameters = info.getAlgParameters();
            String algorithm = info.getAlgName();
            if (algorithm.equals("PBES2") || algorithm.equals(PBES2_OID)) {
                // The runtime names a PBES2 scheme ("PBEWithHmacSHA256AndAES_256") only through its parameters.
                algorithm = parameters.toString();
            }
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray())),
                    parameters);
            decrypted = info.getKeySpec(cipher);
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException(PASSWORD_KEY + " does not decrypt the private key in " + path, e);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    PATH_KEY + ": the ENCRYPTED PRIVATE KEY in " + path + " uses a scheme this runtime cannot decrypt ("
                            + e.getMessage() + ")",
                    e);
        }
        return rsaKey(path, decrypted.getEncoded());
    }

    /** PKCS#1 RSAPrivateKey wrapped as PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, the key as an OCTET STRING. */
    static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM_ID);
        body.write(0x04);
        body.writeBytes(derLength(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(0x30);
        info.writeBytes(derLength(body.size()));
        info.writeBytes(body.toByteArray());
        return info.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
