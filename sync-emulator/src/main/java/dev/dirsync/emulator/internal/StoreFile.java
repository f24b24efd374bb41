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
import java.util.List;
import java.util.Map;

/**
 * The store file: {@code {"users":[{...}, ...]}} in creation order. Written whole to a temporary
 * file beside it and moved over it, so a reader (or a crash) never sees half a file.
 */
public final class StoreFile {
    private static final String USERS = "users";
    private static final ObjectWriter WRITER =
            Json.MAPPER.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Path path;

    public StoreFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** Adds the file's users to {@code store}; a missing or empty file adds none. */
    public void loadInto(UserStore store) {
        List<Map<String, Object>> users = read();
        try {
            store.load(users);
        } catch (GraphError e) {
            throw new EmulatorStoreException(path, "inconsistent users: " + e.getMessage(), null);
        }
    }

    private List<Map<String, Object>> read() {
        JsonNode root;
        try {
            if (!Files.exists(path) || Files.size(path) == 0) {
                return List.of();
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
        List<Map<String, Object>> result = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            try {
                result.add(UserSchema.forStored(users.get(i)));
            } catch (GraphError e) {
                throw new EmulatorStoreException(path, "users[" + i + "]: " + e.getMessage(), null);
            }
        }
        return result;
    }

    /** Replaces the file's content with {@code users}. */
    public void write(List<Map<String, Object>> users) throws IOException {
        Path directory = path.getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, path.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                WRITER.writeValue(out, Map.of(USERS, users));
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
