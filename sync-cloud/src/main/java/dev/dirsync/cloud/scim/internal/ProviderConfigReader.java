package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code /ServiceProviderConfig} once; a service that does not serve it gets the RFC's baseline. */
public final class ProviderConfigReader {
    private static final Logger log = LoggerFactory.getLogger(ProviderConfigReader.class);

    private final ScimHttp http;
    private final ScimEndpoints endpoints;

    public ProviderConfigReader(ScimHttp http, ScimEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    /**
     * @throws dev.dirsync.core.CredentialsRejectedException when the token is refused
     * @throws UnavailableException when the service cannot be reached or answers something else than SCIM
     */
    public ProviderConfig read() {
        HttpReply reply = http.read(endpoints.serviceProviderConfig());
        if (reply.status() == 404 || reply.status() == 501) {
            ProviderConfig baseline = ProviderConfig.unadvertised();
            log.warn("{}: {}", reply.describe(), baseline.describe());
            return baseline;
        }
        if (!reply.successful()) {
            throw new DirsyncException("SCIM ServiceProviderConfig read failed: "
                    + ScimError.of(reply).summary());
        }
        if (!reply.isJson()) {
            throw new UnavailableException(reply.describe() + ", not a SCIM ServiceProviderConfig: is "
                    + endpoints.base() + " the service's base URL?");
        }
        JsonNode document;
        try {
            document = ScimJson.tree(reply.body());
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new UnavailableException(reply.describe() + " is not a readable ServiceProviderConfig: " + why, e);
        }
        if (!document.isObject()) {
            throw new UnavailableException(reply.describe() + " is not a ServiceProviderConfig object");
        }
        ProviderConfig config = ProviderConfig.parse(document);
        log.info("SCIM service {}: {}", endpoints.base(), config.describe());
        return config;
    }
}
