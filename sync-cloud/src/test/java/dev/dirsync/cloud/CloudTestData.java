package dev.dirsync.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.MailUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Sample users and small helpers shared by the Graph and SCIM connector tests. */
public final class CloudTestData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudTestData() {}

    /** A user with every owned property set. */
    public static MailUser alice() {
        return new MailUser(
                new Anchor("QWxpY2UtYW5jaG9yLTAx"),
                "alice@contoso.example",
                "Alice Liddell",
                "Alice",
                "Liddell",
                "alice",
                "alice@wonderland.example",
                List.of("a.liddell@wonderland.example"),
                true,
                "GB");
    }

    /** A disabled user with the optional properties absent. */
    public static MailUser bob() {
        return new MailUser(
                new Anchor("Qm9iLWFuY2hvci0wMg=="),
                "bob@contoso.example",
                "Bob Builder",
                null,
                null,
                "bob",
                null,
                List.of(),
                false,
                null);
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of {@code failure} and all its causes, and their {@code toString()}s. */
    public static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        return messages;
    }
}
