package dev.dirsync.daemon.config;

import dev.dirsync.core.Secret;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code target.*}: the cloud directory to write, as configured for whichever type it is. Optional
 * values are null when not configured; the connector's settings supply the defaults and validate.
 *
 * @param type graph or scim
 * @param url Graph's root, or the SCIM service's base URL
 * @param token the SCIM bearer token (scim only)
 */
public record TargetConfig(
        String type,
        String url,
        String tokenUrl,
        String authorityUrl,
        String tenantId,
        String clientId,
        Secret clientSecret,
        Path certificatePath,
        Secret certificatePassword,
        Integer writeBudgetCount,
        Duration writeBudgetWindow,
        Integer concurrency,
        Boolean batch,
        String softMatch,
        Secret token) {
    public boolean scim() {
        return "scim".equals(type);
    }

    /** A copy pointing at another service (the demo's emulator). */
    public TargetConfig withEndpoints(String newUrl, String newTokenUrl) {
        return new TargetConfig(
                type,
                newUrl,
                newTokenUrl,
                authorityUrl,
                tenantId,
                clientId,
                clientSecret,
                certificatePath,
                certificatePassword,
                writeBudgetCount,
                writeBudgetWindow,
                concurrency,
                batch,
                softMatch,
                token);
    }
}
