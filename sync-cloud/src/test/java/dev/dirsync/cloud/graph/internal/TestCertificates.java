package dev.dirsync.cloud.graph.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** Self-signed certificates made with the JDK's keytool, and the PEM shapes of their keys. */
public final class TestCertificates {
    public static final String PASSWORD = "Pfx-pa55word.that-must-not-leak";

    /** How a PEM file carries the private key. */
    public enum KeyBlock {
        /** PRIVATE KEY: PKCS#8. */
        PKCS8,
        /** RSA PRIVATE KEY: PKCS#1. */
        PKCS1,
        /** ENCRYPTED PRIVATE KEY: PKCS#8 under PBES2 (HMAC-SHA256, AES-256), with {@link #PASSWORD}. */
        ENCRYPTED
    }

    private TestCertificates() {}

    /** A PKCS#12 file at {@code dir/name.p12} holding a new RSA key pair, protected by {@link #PASSWORD}. */
    public static Path rsaPkcs12(Path dir, String name) {
        return keytool(dir, name, List.of("-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA"));
    }

    /** The same with an EC key. */
    public static Path ecPkcs12(Path dir, String name) {
        return keytool(dir, name, List.of("-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA"));
    }

    private static Path keytool(Path dir, String name, List<String> algorithm) {
        Path file = dir.resolve(name + ".p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = new java.util.ArrayList<>(List.of(keytool, "-genkeypair", "-alias", name));
        command.addAll(algorithm);
        command.addAll(List.of(
                "-dname",
                "CN=" + name + ", O=dirsync tests",
                "-validity",
                "3",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD,
                "-noprompt"));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool ran", e);
        }
        return file;
    }

    /** The key pair entry of a PKCS#12 file made by {@link #rsaPkcs12}. */
    public static KeyStore.PrivateKeyEntry entry(Path pkcs12) {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            String alias = store.aliases().nextElement();
            return (KeyStore.PrivateKeyEntry)
                    store.getEntry(alias, new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PEM file with {@code certificates} (in that order) and {@code key}'s private key as {@code block}. */
    public static Path pem(Path file, KeyStore.PrivateKeyEntry key, KeyBlock block, X509Certificate... certificates) {
        StringBuilder pem = new StringBuilder();
        try {
            for (X509Certificate certificate : certificates) {
                pem.append(block("CERTIFICATE", certificate.getEncoded()));
            }
            byte[] pkcs8 = key.getPrivateKey().getEncoded();
            pem.append(
                    switch (block) {
                        case PKCS8 -> block("PRIVATE KEY", pkcs8);
                        case PKCS1 -> block("RSA PRIVATE KEY", pkcs1(pkcs8));
                        case ENCRYPTED -> block("ENCRYPTED PRIVATE KEY", encrypt(pkcs8));
                    });
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The RSAPrivateKey inside a PrivateKeyInfo: its third element, an OCTET STRING. */
    private static byte[] pkcs1(byte[] pkcs8) {
        int[] at = {0};
        header(pkcs8, at);
        int version = header(pkcs8, at);
        at[0] += version;
        int algorithm = header(pkcs8, at);
        at[0] += algorithm;
        int length = header(pkcs8, at);
        return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
    }

    /** Reads a DER tag and length at {@code at}, leaves {@code at} on the content and returns its length. */
    private static int header(byte[] der, int[] at) {
        at[0]++;
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }

    private static byte[] encrypt(byte[] pkcs8) throws GeneralSecurityException, IOException {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(
                Cipher.ENCRYPT_MODE,
                SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(PASSWORD.toCharArray())),
                new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
        byte[] encrypted = cipher.doFinal(pkcs8);
        // EncryptedPrivateKeyInfo: SEQUENCE { SEQUENCE { id-PBES2, PBES2-params }, OCTET STRING }.
        byte[] algorithmId = der(0x30, concat(PBES2_OID, cipher.getParameters().getEncoded()));
        return der(0x30, concat(algorithmId, der(0x04, encrypted)));
    }

    private static final byte[] PBES2_OID = {
        0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x05, 0x0d
    };

    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        byte[] header = length < 0x80
                ? new byte[] {(byte) tag, (byte) length}
                : length < 0x100
                        ? new byte[] {(byte) tag, (byte) 0x81, (byte) length}
                        : new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        return concat(header, content);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
