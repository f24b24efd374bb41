package dev.dirsync.emulator.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one {@code $filter} form the emulator understands: {@code property eq 'value'} on
 * onPremisesImmutableId, userPrincipalName or mail. Like Graph, userPrincipalName and mail compare
 * case-insensitively; onPremisesImmutableId is Base64 and compares exactly.
 */
public record EqFilter(String property, String value) {
    private static final Pattern CLAUSE =
            Pattern.compile("\\s*([A-Za-z]+)\\s+eq\\s+'((?:[^']|'')*)'\\s*", Pattern.CASE_INSENSITIVE);
    private static final Set<String> FILTERABLE =
            Set.of(UserSchema.IMMUTABLE_ID, UserSchema.USER_PRINCIPAL_NAME, UserSchema.MAIL);

    public static EqFilter parse(String clause) {
        Matcher matcher = CLAUSE.matcher(clause);
        if (!matcher.matches()) {
            throw GraphError.badRequest("Invalid filter clause: the cloud emulator supports only"
                    + " \"property eq 'value'\", got: " + clause);
        }
        String property = UserSchema.canonicalName(matcher.group(1))
                .filter(FILTERABLE::contains)
                .orElseThrow(() -> GraphError.unsupportedQuery("Unsupported or invalid query filter clause"
                        + " specified for property '" + matcher.group(1) + "' of resource 'User'."));
        return new EqFilter(property, matcher.group(2).replace("''", "'"));
    }

    /** The clause again, quotes escaped, as it goes into a next link. */
    public String clause() {
        return property + " eq '" + value.replace("'", "''") + "'";
    }

    private boolean caseInsensitive() {
        return !property.equals(UserSchema.IMMUTABLE_ID);
    }

    /** The form under which the value is indexed and compared. */
    public String key() {
        return caseInsensitive() ? value.toLowerCase(Locale.ROOT) : value;
    }

    public boolean matches(Map<String, Object> user) {
        Object actual = user.get(property);
        if (!(actual instanceof String text)) {
            return false;
        }
        return caseInsensitive() ? text.equalsIgnoreCase(value) : text.equals(value);
    }
}
