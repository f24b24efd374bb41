package dev.dirsync.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFException;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

/** Self-signed server certificates, trust stores holding them, and in-memory servers speaking TLS. */
final class TlsFixtures {
    static final String KEY_STORE_PASSWORD = "server-keystore-secret";
    static final String TRUST_STORE_PASSWORD = "trust-store-secret";

    private TlsFixtures() {}

    /** A PKCS12 key store with a self-signed certificate for {@code cn}, valid for the given names. */
    static Path serverKeyStore(Path dir, String cn, List<String> ipAddresses, List<String> dnsNames) {
        Path file = dir.resolve(cn + "-server.p12");
        List<String> args = new ArrayList<>(List.of(
                "generate-self-signed-certificate",
                "--keystore",
                file.toString(),
                "--keystore-password",
                KEY_STORE_PASSWORD,
                "--keystore-type",
                "PKCS12",
                "--alias",
                "server",
                "--subject-dn",
                "CN=" + cn));
        ipAddresses.forEach(ip -> args.addAll(List.of("--subject-alternative-name-ip-address", ip)));
        dnsNames.forEach(dns -> args.addAll(List.of("--subject-alternative-name-dns", dns)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(null, out, out, args.toArray(new String[0]));
        if (result != ResultCode.SUCCESS) {
            throw new IllegalStateException("cannot create a test certificate: " + out);
        }
        return file;
    }

    /** A trust store of the given type holding the server key store's certificate. */
    static Path trustStore(Path serverKeyStore, Path file, String type) throws IOException, GeneralSecurityException {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverKeyStore)) {
            server.load(in, KEY_STORE_PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(type);
        trust.load(null, null);
        trust.setCertificateEntry("server", server.getCertificate("server"));
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        return file;
    }

    /**
     * An in-memory server presenting the key store's certificate on two listeners: {@code ldaps}
     * and {@code ldap} with StartTLS.
     */
    static InMemoryDirectoryServer start(Path serverKeyStore)
            throws LDAPException, LDIFException, GeneralSecurityException {
        SSLUtil serverTls = new SSLUtil(
                new KeyStoreKeyManager(serverKeyStore.toFile(), KEY_STORE_PASSWORD.toCharArray(), "PKCS12", null),
                null);
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(TestDirectory.BASE);
        config.setSchema(null);
        config.addAdditionalBindCredentials(TestDirectory.BIND_DN, TestDirectory.PASSWORD);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig(
                        "ldaps", loopback, 0, serverTls.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, serverTls.createSSLSocketFactory()));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: " + TestDirectory.BASE, "objectClass: domain", "dc: example");
        server.add("dn: " + TestDirectory.PEOPLE, "objectClass: organizationalUnit", "ou: People");
        server.add(
                "dn: CN=Tls User," + TestDirectory.PEOPLE,
                "objectClass: user",
                "objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=example,DC=com",
                "cn: Tls User",
                "objectGUID:: AAECAwQFBgcICQoLDA0ODw==");
        server.startListening();
        return server;
    }
}
