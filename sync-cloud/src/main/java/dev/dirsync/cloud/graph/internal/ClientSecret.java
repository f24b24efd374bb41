package dev.dirsync.cloud.graph.internal;

import okhttp3.FormBody;

/** The client secret, sent as {@code client_secret}. Never shown by {@link #toString()}. */
public final class ClientSecret implements ClientCredential {
    private final String secret;

    public ClientSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a client secret must not be empty");
        }
        this.secret = secret;
    }

    @Override
    public void addTo(FormBody.Builder form) {
        form.add("client_secret", secret);
    }

    @Override
    public String redact(String text) {
        return text.replace(secret, "****");
    }

    @Override
    public String toString() {
        return "ClientSecret[****]";
    }
}
