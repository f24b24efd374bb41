package dev.dirsync.cloud.internal;

import dev.dirsync.cloud.HttpTargetSettings;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Builds and disposes of the one OkHttpClient an adapter owns. */
public final class HttpClients {
    private HttpClients() {}

    /**
     * A client with the target's timeouts that neither follows redirects (a redirected POST would
     * silently become a GET) nor repeats requests on its own: {@link HttpPolicy} decides about
     * every repeat, so that a create is never sent twice without its look-up. Its sockets send
     * at once ({@link NoDelaySocketFactory}).
     */
    public static OkHttpClient create(HttpTargetSettings target) {
        return create(target.connectTimeout(), target.readTimeout());
    }

    /** A client as {@link #create(HttpTargetSettings)} makes, with these timeouts. */
    public static OkHttpClient create(Duration connectTimeout, Duration readTimeout) {
        return new OkHttpClient.Builder()
                .socketFactory(NoDelaySocketFactory.INSTANCE)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    /** Stops the dispatcher's threads and closes pooled connections. */
    public static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
