package dev.dirsync.daemon.admin;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.daemon.config.AdminTlsConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS for the admin API from {@code admin.tls}: the server's key, and a client trusting that certificate. */
final class TlsContexts {
    private TlsContexts() {}

    static SSLContext server(AdminTlsConfig tls) {
        try {
            KeyStore store = load(tls);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, tls.password().reveal().toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new DirsyncException(
                    "admin.tls.keyStore " + tls.keyStore() + " holds no usable key: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    static SSLContext client(AdminTlsConfig tls) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(tls));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new DirsyncException(
                    "admin.tls.keyStore " + tls.keyStore() + " cannot be used to trust the daemon: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    private static KeyStore load(AdminTlsConfig tls) throws GeneralSecurityException {
        try {
            return KeyStore.getInstance(
                    tls.keyStore().toFile(), tls.password().reveal().toCharArray());
        } catch (IOException e) {
            throw new DirsyncException(
                    "admin.tls.keyStore " + tls.keyStore() + " cannot be opened (wrong password or"
                            + " not a PKCS12/JKS key store)",
                    e);
        }
    }
}
