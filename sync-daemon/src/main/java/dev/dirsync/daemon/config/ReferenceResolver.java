package dev.dirsync.daemon.config;

import dev.dirsync.core.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:PATH}} references in configuration values. A
 * value that is wholly one reference becomes that value; references can also be embedded in text.
 * File contents lose one trailing line break. Relative file paths resolve against the
 * configuration file's folder.
 */
final class ReferenceResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private final Map<String, String> environment;
    private final Path baseDirectory;

    ReferenceResolver(Map<String, String> environment, Path baseDirectory) {
        this.environment = environment;
        this.baseDirectory = baseDirectory;
    }

    /** The references written in {@code raw}, as written (e.g. {@code ${env:NAME}}); empty when none. */
    static List<String> references(String raw) {
        return REFERENCE.matcher(raw).results().map(MatchResult::group).toList();
    }

    String resolvePlain(String raw, String keyPath, Problems problems) {
        return resolve(raw, keyPath, problems);
    }

    Secret resolveSecret(String raw, String keyPath, Problems problems) {
        Matcher whole = REFERENCE.matcher(raw.trim());
        String origin = whole.matches() ? whole.group(1) + ":" + whole.group(2) : "inline";
        String value = resolve(raw, keyPath, problems);
        if (value.isEmpty()) {
            problems.add(keyPath, "is empty" + ("inline".equals(origin) ? "" : " (from " + origin + ")"));
        }
        return Secret.of(value, origin);
    }

    private String resolve(String raw, String keyPath, Problems problems) {
        Matcher matcher = REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String name = matcher.group(2).trim();
            String value = "env".equals(kind) ? env(name, keyPath, problems) : file(name, keyPath, problems);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String env(String name, String keyPath, Problems problems) {
        String value = environment.get(name);
        if (value == null) {
            problems.add(keyPath, "environment variable " + name + " is not set");
            return "";
        }
        return value;
    }

    private String file(String name, String keyPath, Problems problems) {
        Path path = baseDirectory.resolve(name);
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            if (content.endsWith("\r\n")) {
                return content.substring(0, content.length() - 2);
            }
            return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (IOException e) {
            problems.add(
                    keyPath, "cannot read file " + path + " (" + e.getClass().getSimpleName() + ")");
            return "";
        }
    }
}
