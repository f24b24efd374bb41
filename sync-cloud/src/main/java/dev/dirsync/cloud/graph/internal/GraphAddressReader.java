package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.core.model.CloudAddresses;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the unique values every user, group and organizational contact of the tenant holds, one
 * collection after the other, each page by page.
 */
public final class GraphAddressReader {
    private static final Logger log = LoggerFactory.getLogger(GraphAddressReader.class);

    private static final GraphCollections.Access GROUPS =
            new GraphCollections.Access("groups", "GroupMember.Read.All, Group.Read.All or Directory.Read.All");
    private static final GraphCollections.Access CONTACTS =
            new GraphCollections.Access("organizational contacts", "OrgContact.Read.All or Directory.Read.All");

    private final GraphCollections collections;
    private final GraphEndpoints endpoints;

    public GraphAddressReader(GraphCollections collections, GraphEndpoints endpoints) {
        this.collections = collections;
        this.endpoints = endpoints;
    }

    /** Users first, then groups, then contacts; objects holding no address are not passed on. */
    public void listAddresses(Consumer<CloudAddresses> handler) {
        long users = list(endpoints.listUserAddresses(), null, GraphAddressJson::user, handler);
        long groups = list(
                endpoints.listGroupAddresses(),
                GROUPS,
                node -> GraphAddressJson.other(node, GraphAddressJson.GROUP),
                handler);
        long contacts = list(
                endpoints.listContactAddresses(),
                CONTACTS,
                node -> GraphAddressJson.other(node, GraphAddressJson.CONTACT),
                handler);
        log.info(
                "listed the addresses of {} users, {} groups and {} contacts from {}",
                users,
                groups,
                contacts,
                endpoints.root());
    }

    private long list(
            HttpUrl first,
            GraphCollections.Access access,
            Function<JsonNode, Optional<CloudAddresses>> read,
            Consumer<CloudAddresses> handler) {
        long[] passed = new long[1];
        collections.forEach(first, access, node -> read.apply(node).ifPresent(holder -> {
            passed[0]++;
            handler.accept(holder);
        }));
        return passed[0];
    }
}
