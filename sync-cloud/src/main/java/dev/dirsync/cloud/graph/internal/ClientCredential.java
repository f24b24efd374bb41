package dev.dirsync.cloud.graph.internal;

import okhttp3.FormBody;

/** How the application proves its identity to the token endpoint: a client secret or a signed client assertion. */
public interface ClientCredential {

    /** Adds the authentication parameters to a token request. */
    void addTo(FormBody.Builder form);

    /** {@code text} with anything of this credential replaced by "****", for server text quoted in messages. */
    String redact(String text);
}
