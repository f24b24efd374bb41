package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.TrustAllSSLSocketVerifier;
import com.unboundid.util.ssl.TrustAllTrustManager;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.ldap.LdapTlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS part of a connection: the socket factory for ldaps, the StartTLS step for starttls, and
 * the checks on the server's certificate: a trusted issuer, and the URL's host named by the
 * certificate (checked in the handshake, loopback addresses included). {@code insecure} checks
 * neither.
 */
public final class TlsSetup {
    private final LdapTlsSettings.Mode mode;
    private final SSLSocketFactory socketFactory;
    private final boolean verifyHostNames;

    private TlsSetup(LdapTlsSettings.Mode mode, SSLSocketFactory socketFactory, boolean verifyHostNames) {
        this.mode = mode;
        this.socketFactory = socketFactory;
        this.verifyHostNames = verifyHostNames;
    }

    /**
     * @param ldapsUrls whether the URLs use {@code ldaps://} (the mode when the settings leave it open)
     * @throws IllegalArgumentException naming {@code source.tls.trustStore} when the trust store
     *     cannot be read (wrong password, wrong format, no certificate)
     */
    public static TlsSetup of(LdapTlsSettings tls, boolean ldapsUrls) {
        LdapTlsSettings.Mode mode = tls.effectiveMode(ldapsUrls);
        if (mode == LdapTlsSettings.Mode.NONE) {
            return new TlsSetup(mode, null, false);
        }
        TrustManager trust = tls.insecure()
                ? new TrustAllTrustManager(false)
                : tls.trustStore() != null ? trustStore(tls) : JVMDefaultTrustManager.getInstance();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            SSLSocketFactory factory = context.getSocketFactory();
            return tls.insecure()
                    ? new TlsSetup(mode, factory, false)
                    : new TlsSetup(mode, new EndpointCheckingSocketFactory(factory), true);
        } catch (GeneralSecurityException e) {
            throw new DirsyncException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    public LdapTlsSettings.Mode mode() {
        return mode;
    }

    /** The factory for new sockets: TLS from the start for ldaps, plain otherwise. */
    public SocketFactory socketFactory() {
        return mode == LdapTlsSettings.Mode.LDAPS ? socketFactory : SocketFactory.getDefault();
    }

    /** StartTLS before the bind, or null when the mode is not starttls. */
    public PostConnectProcessor postConnect() {
        return mode == LdapTlsSettings.Mode.STARTTLS ? new StartTLSPostConnectProcessor(socketFactory) : null;
    }

    /** Sets the host name check (for ldaps and StartTLS alike). */
    public void applyTo(LDAPConnectionOptions options) {
        options.setSSLSocketVerifier(
                verifyHostNames ? new HostNameSSLSocketVerifier(true) : TrustAllSSLSocketVerifier.getInstance());
    }

    private static X509TrustManager trustStore(LdapTlsSettings tls) {
        Path file = tls.trustStore();
        char[] password = tls.trustStorePassword() == null
                ? null
                : tls.trustStorePassword().reveal().toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(tls.trustStoreType() == null ? "PKCS12" : tls.trustStoreType());
            store.load(in, password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalArgumentException("source.tls.trustStore '" + file + "' gives no X.509 trust manager");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "source.tls.trustStore '" + file + "' cannot be read (wrong password "
                            + "or format, or no certificate in it): " + e.getMessage(),
                    e);
        }
    }
}
