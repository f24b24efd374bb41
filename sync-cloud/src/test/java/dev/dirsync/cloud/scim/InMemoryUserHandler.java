package dev.dirsync.cloud.scim;

import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The SDK's storage for /Users: a map in creation order, userName unique case-insensitively (409
 * uniqueness). Filtering and paging are left to the SDK (auto-filtering). Resources are copied in
 * and out, so nothing the SDK does to a response changes the stored state.
 */
final class InMemoryUserHandler extends ResourceHandler<User> {
    private final Map<String, User> users = new LinkedHashMap<>();

    @Override
    public synchronized User createResource(User resource, Context context) {
        String userName = resource.getUserName().orElse("");
        checkUnique(userName, null);
        String id = UUID.randomUUID().toString();
        resource.setId(id);
        Instant now = Instant.now();
        stamp(resource, now, now);
        users.put(id, copy(resource));
        return copy(resource);
    }

    @Override
    public synchronized User getResource(
            String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes, Context context) {
        User user = users.get(id);
        return user == null ? null : copy(user);
    }

    @Override
    public synchronized PartialListResponse<User> listResources(
            long startIndex,
            int count,
            FilterNode filter,
            SchemaAttribute sortBy,
            SortOrder sortOrder,
            List<SchemaAttribute> attributes,
            List<SchemaAttribute> excludedAttributes,
            Context context) {
        List<User> all = new ArrayList<>();
        users.values().forEach(user -> all.add(copy(user)));
        return PartialListResponse.<User>builder()
                .resources(all)
                .totalResults(all.size())
                .build();
    }

    @Override
    public synchronized User updateResource(User resource, Context context) {
        String id = resource.getId().orElseThrow();
        User old = users.get(id);
        if (old == null) {
            throw new ResourceNotFoundException("no user with id '" + id + "'");
        }
        checkUnique(resource.getUserName().orElse(""), id);
        Instant created = old.getMeta().flatMap(Meta::getCreated).orElse(Instant.now());
        stamp(resource, created, Instant.now());
        users.put(id, copy(resource));
        return copy(resource);
    }

    @Override
    public synchronized void deleteResource(String id, Context context) {
        if (users.remove(id) == null) {
            throw new ResourceNotFoundException("no user with id '" + id + "'");
        }
    }

    /** The stored users, in creation order, as the service holds them. */
    synchronized List<User> users() {
        List<User> copies = new ArrayList<>();
        users.values().forEach(user -> copies.add(copy(user)));
        return copies;
    }

    synchronized User add(User user) {
        return createResource(copy(user), null);
    }

    private void checkUnique(String userName, String exceptId) {
        String key = userName.toLowerCase(Locale.ROOT);
        for (User user : users.values()) {
            if (!user.getId().orElse("").equals(exceptId)
                    && user.getUserName().orElse("").toLowerCase(Locale.ROOT).equals(key)) {
                throw new ConflictException(
                        "userName '" + userName + "' is already taken", ScimType.RFC7644.UNIQUENESS);
            }
        }
    }

    private static void stamp(User resource, Instant created, Instant lastModified) {
        resource.getMeta()
                .ifPresentOrElse(
                        meta -> {
                            meta.setCreated(created);
                            meta.setLastModified(lastModified);
                        },
                        () -> resource.setMeta(Meta.builder()
                                .resourceType("User")
                                .created(created)
                                .lastModified(lastModified)
                                .build()));
    }

    private static User copy(User user) {
        return JsonHelper.copyResourceToObject(user.deepCopy(), User.class);
    }
}
