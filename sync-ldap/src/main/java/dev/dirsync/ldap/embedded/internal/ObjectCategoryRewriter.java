package dev.dirsync.ldap.embedded.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.RDN;

/**
 * Rewrites Active Directory's {@code objectCategory} shorthand the way AD resolves it: an equality
 * assertion whose value is a class name rather than a DN, such as {@code (objectCategory=person)},
 * becomes {@code (objectCategory=CN=Person,CN=Schema,CN=Configuration,<base DN>)}, the DN that AD
 * stores in objectCategory. Applied recursively through AND, OR and NOT; every other component is
 * kept as it is. The schema object's name is the class name in AD's spelling: first letter upper
 * case, a hyphen between camel-case words ({@code organizationalUnit} becomes
 * {@code Organizational-Unit}).
 */
public final class ObjectCategoryRewriter {
    private static final String OBJECT_CATEGORY = "objectCategory";

    private final DN schemaContainer;

    public ObjectCategoryRewriter(DN baseDn) {
        this.schemaContainer = new DN(new RDN("CN", "Schema"), new DN(new RDN("CN", "Configuration"), baseDn));
    }

    /** The rewritten filter, or {@code filter} itself when it holds no shorthand. */
    public Filter rewrite(Filter filter) {
        switch (filter.getFilterType()) {
            case Filter.FILTER_TYPE_AND:
                return rewriteAll(filter, true);
            case Filter.FILTER_TYPE_OR:
                return rewriteAll(filter, false);
            case Filter.FILTER_TYPE_NOT:
                Filter inner = filter.getNOTComponent();
                Filter rewrittenInner = rewrite(inner);
                return rewrittenInner == inner ? filter : Filter.createNOTFilter(rewrittenInner);
            case Filter.FILTER_TYPE_EQUALITY:
                return rewriteEquality(filter);
            default:
                return filter;
        }
    }

    /** The DN AD stores in objectCategory for the class {@code className}. */
    public String categoryDn(String className) {
        return new DN(new RDN("CN", schemaObjectName(className)), schemaContainer).toString();
    }

    private Filter rewriteAll(Filter filter, boolean and) {
        Filter[] components = filter.getComponents();
        Filter[] rewritten = new Filter[components.length];
        boolean changed = false;
        for (int i = 0; i < components.length; i++) {
            rewritten[i] = rewrite(components[i]);
            changed |= rewritten[i] != components[i];
        }
        if (!changed) {
            return filter;
        }
        return and ? Filter.createANDFilter(rewritten) : Filter.createORFilter(rewritten);
    }

    private Filter rewriteEquality(Filter filter) {
        String value = filter.getAssertionValue();
        if (!OBJECT_CATEGORY.equalsIgnoreCase(filter.getAttributeName())
                || value == null
                || value.isBlank()
                || value.indexOf('=') >= 0) {
            return filter;
        }
        return Filter.createEqualityFilter(filter.getAttributeName(), categoryDn(value.strip()));
    }

    static String schemaObjectName(String className) {
        StringBuilder name = new StringBuilder(className.length() + 4);
        for (int i = 0; i < className.length(); i++) {
            char c = className.charAt(i);
            if (i == 0) {
                name.append(Character.toUpperCase(c));
            } else {
                if (Character.isUpperCase(c) && Character.isLowerCase(className.charAt(i - 1))) {
                    name.append('-');
                }
                name.append(c);
            }
        }
        return name.toString();
    }
}
