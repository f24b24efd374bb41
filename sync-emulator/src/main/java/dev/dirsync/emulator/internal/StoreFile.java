package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.dirsync.emulator.EmulatorStoreException;
import dev.dirsync.emulator.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The store file: {@code {"users":[...], "groups":[...], "contacts":[...]}}, each in creation
 * order; {@code groups} and {@code contacts} may be left out (none). Written whole to a temporary
 * file beside it and moved over it, so a reader (or a crash) never sees half a file.
 */
public final class StoreFile {
    private static final String USERS = "users";
    private static final String GROUPS = "groups";
    private static final String CONTACTS = "contacts";
    private static final ObjectWriter WRITER =
            Json.MAPPER.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Path path;

    public StoreFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** Adds the file's users, groups and contacts to {@code store}; a missing or empty file adds none. */
    public void loadInto(TenantStore store) {
        JsonNode root = read();
        if (root == null) {
            return;
        }
        List<Map<String, Object>> users = objects(root, USERS, true, UserSchema::forStored);
        List<Map<String, Object>> groups = objects(root, GROUPS, false, node -> MailObjectSchema.read(node, "Group"));
        List<Map<String, Object>> contacts =
                objects(root, CONTACTS, false, node -> MailObjectSchema.read(node, "OrgContact"));
        load(USERS, () -> store.users().load(users));
        load(GROUPS, () -> store.groups().load(groups));
        load(CONTACTS, () -> store.contacts().load(contacts));
    }

    private void load(String collection, Runnable load) {
        try {
            load.run();
        } catch (GraphError e) {
            throw new EmulatorStoreException(path, "inconsistent " + collection + ": " + e.getMessage(), null);
        }
    }

    /** The file's root object, or null when the file is missing or empty. */
    private JsonNode read() {
        JsonNode root;
        try {
            if (!Files.exists(path) || Files.size(path) == 0) {
                return null;
            }
            root = Json.MAPPER.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw new EmulatorStoreException(path, "not valid JSON: " + Json.describe(e), e);
        } catch (IOException e) {
            throw new EmulatorStoreException(path, "cannot be read: " + e, e);
        }
        JsonNode users = root.get(USERS);
        if (!root.isObject() || users == null || !users.isArray()) {
            throw new EmulatorStoreException(path, "expected an object with a \"users\" array", null);
        }
        return root;
    }

    private List<Map<String, Object>> objects(
            JsonNode root, String name, boolean required, Function<JsonNode, Map<String, Object>> read) {
        JsonNode array = root.get(name);
        if (array == null && !required) {
            return List.of();
        }
        if (array == null || !array.isArray()) {
            throw new EmulatorStoreException(path, "\"" + name + "\" must be an array", null);
        }
        List<Map<String, Object>> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                result.add(read.apply(array.get(i)));
            } catch (GraphError e) {
                throw new EmulatorStoreException(path, name + "[" + i + "]: " + e.getMessage(), null);
            }
        }
        return result;
    }

    /** Replaces the file's content with {@code snapshot}'s collections. */
    public void write(TenantStore.Snapshot snapshot) throws IOException {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(USERS, snapshot.users());
        content.put(GROUPS, snapshot.groups());
        content.put(CONTACTS, snapshot.contacts());
        Path directory = path.getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, path.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                WRITER.writeValue(out, content);
                channel.force(true);
            }
            move(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
