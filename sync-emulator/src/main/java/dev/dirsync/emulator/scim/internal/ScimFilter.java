package dev.dirsync.emulator.scim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one filter form the emulator answers: {@code attribute eq "value"} on externalId, userName
 * or id (RFC 7644 section 3.4.2.2; the value is a JSON string literal, escapes included). userName
 * compares case-insensitively, as its schema says; externalId and id exactly. Anything else is
 * refused with 400 invalidFilter.
 *
 * @param attribute the canonical attribute name
 * @param value the unescaped comparison value
 */
public record ScimFilter(String attribute, String value) {
    private static final Pattern EQ = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9._:-]*)\\s+(?i:eq)\\s+(\".*\")\\s*");

    public static ScimFilter parse(String filter) {
        Matcher matcher = EQ.matcher(filter);
        if (!matcher.matches()) {
            throw unsupported(filter);
        }
        String name = matcher.group(1);
        if (name.regionMatches(true, 0, ScimUserSchema.USER + ":", 0, ScimUserSchema.USER.length() + 1)) {
            name = name.substring(ScimUserSchema.USER.length() + 1);
        }
        String attribute =
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "externalid" -> "externalId";
                    case "username" -> "userName";
                    case "id" -> "id";
                    default -> throw unsupported(filter);
                };
        JsonNode literal;
        try {
            literal = Json.MAPPER.readTree(matcher.group(2));
        } catch (JsonProcessingException e) {
            throw new ScimFailure(
                    400,
                    "invalidFilter",
                    "The comparison value in '" + filter + "' is not a valid string literal: " + Json.describe(e)
                            + ".");
        }
        if (!literal.isTextual()) {
            throw unsupported(filter);
        }
        return new ScimFilter(attribute, literal.asText());
    }

    public boolean matches(ObjectNode user) {
        JsonNode actual = user.get(attribute);
        if (actual == null || !actual.isTextual()) {
            return false;
        }
        return attribute.equals("userName")
                ? actual.asText().equalsIgnoreCase(value)
                : actual.asText().equals(value);
    }

    private static ScimFailure unsupported(String filter) {
        return new ScimFailure(
                400,
                "invalidFilter",
                "The cloud emulator answers only 'externalId eq \"...\"', "
                        + "'userName eq \"...\"' and 'id eq \"...\"', not '" + filter + "'.");
    }
}
