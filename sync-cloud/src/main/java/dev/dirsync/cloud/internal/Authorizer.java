package dev.dirsync.cloud.internal;

/** Supplies the Authorization header for a request and renews it when the server refuses it. */
public interface Authorizer {

    /**
     * The header value to send, for example "Bearer ey...".
     *
     * @throws dev.dirsync.core.CredentialsRejectedException when no credential can be obtained
     * @throws dev.dirsync.core.UnavailableException when the credential issuer cannot be reached
     */
    String authorization();

    /** The server answered 401 to {@code rejected}: forget it so the next call obtains a fresh one. */
    void invalidate(String rejected);
}
