package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import dev.dirsync.core.port.EntryHandler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The changes on one Active Directory DC within a {@link UsnRange}, in four searches:
 * <ol>
 *   <li>changed objects in scope, under each base DN: live entries;</li>
 *   <li>changed people under each base DN that no longer match the scope filter (filter, group,
 *       enabled): deleted entries;</li>
 *   <li>changed people elsewhere in the base DNs' naming contexts, or in an excluded subtree (moved
 *       out of scope): deleted entries;</li>
 *   <li>tombstones of users and contacts in those naming contexts (Show Deleted control): deleted
 *       entries.</li>
 * </ol>
 * Group membership is not a change of the member (memberOf is a back link: the user's uSNChanged
 * stays), so when the scoping group or a group nested in it changed within the range, the first
 * search reads every object in scope and the second also reports every object the configured
 * filter selects that is not a member.
 */
public final class AdDeltaRead {
    /** LDAP_SERVER_SHOW_DELETED_OID: lets searches return tombstones. */
    public static final String SHOW_DELETED = "1.2.840.113556.1.4.417";

    private static final Filter PERSON = Filter.createEqualityFilter("objectCategory", "person");
    private static final Filter USER_OR_CONTACT = Filter.createORFilter(
            Filter.createEqualityFilter("objectClass", "user"), Filter.createEqualityFilter("objectClass", "contact"));
    private static final Filter DELETED = Filter.createEqualityFilter("isDeleted", "TRUE");
    private static final List<String> TOMBSTONE_ATTRIBUTES = tombstoneAttributes();

    private final ReadContext context;
    private final RootDse rootDse;
    private final UsnRange range;

    public AdDeltaRead(ReadContext context, RootDse rootDse, UsnRange range) {
        this.context = context;
        this.rootDse = rootDse;
        this.range = range;
    }

    /**
     * @param groupChanged whether the scoping group or a group nested in it changed within the range
     */
    public ReadStats run(boolean groupChanged, EntryHandler handler) {
        ReadScope scope = context.scope();
        List<String> attributes = EntryDecoder.REQUESTED_ATTRIBUTES;
        Filter inScope = groupChanged ? scope.filter() : Filter.createANDFilter(scope.filter(), range.filter());
        ReadStats stats = context.searchBases(inScope, attributes, handler);

        Filter leftScope = Filter.createANDFilter(PERSON, range.filter(), Filter.createNOTFilter(scope.filter()));
        if (groupChanged && scope.group().isPresent()) {
            Filter nonMembers = Filter.createANDFilter(
                    scope.configured(), Filter.createNOTFilter(scope.group().get()));
            leftScope = Filter.createORFilter(leftScope, nonMembers);
        }
        Predicate<DN> notExcluded = dn -> !scope.excluded(dn);
        for (String baseDn : scope.baseDns()) {
            stats = stats.plus(context.search(baseDn, leftScope, attributes, List.of(), notExcluded, true, handler));
        }

        Set<String> contexts = namingContexts(scope);
        if (scope.hasExclusions() || !everyBaseIsANamingContext(scope)) {
            Filter changedPeople = Filter.createANDFilter(PERSON, range.filter());
            Predicate<DN> outOfScope = dn -> !scope.selects(dn);
            for (String context : contexts) {
                stats = stats.plus(
                        this.context.search(context, changedPeople, attributes, List.of(), outOfScope, true, handler));
            }
        }

        Filter tombstones = Filter.createANDFilter(DELETED, range.filter(), USER_OR_CONTACT);
        List<Control> showDeleted = List.of(new Control(SHOW_DELETED, true));
        for (String context : contexts) {
            stats = stats.plus(this.context.search(
                    context, tombstones, TOMBSTONE_ATTRIBUTES, showDeleted, dn -> true, true, handler));
        }
        return stats;
    }

    /**
     * Whether {@code groupDn} or a group nested in it changed within the range (a member added or
     * removed changes the group, not the member).
     *
     * @throws LDAPException when the search fails
     */
    public boolean groupChanged(String groupDn) throws LDAPException {
        Filter group = Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", "group"),
                range.filter(),
                Filter.createORFilter(
                        Filter.createEqualityFilter("distinguishedName", groupDn),
                        Filter.createExtensibleMatchFilter("memberOf", ReadScope.IN_CHAIN, false, groupDn)));
        return context.connection()
                        .search(rootDse.namingContextOf(groupDn), SearchScope.SUB, group, "1.1")
                        .getEntryCount()
                > 0;
    }

    private Set<String> namingContexts(ReadScope scope) {
        Set<String> contexts = new LinkedHashSet<>();
        for (String baseDn : scope.baseDns()) {
            contexts.add(rootDse.namingContextOf(baseDn));
        }
        return contexts;
    }

    private boolean everyBaseIsANamingContext(ReadScope scope) {
        for (String baseDn : scope.baseDns()) {
            try {
                if (!new DN(baseDn).equals(new DN(rootDse.namingContextOf(baseDn)))) {
                    return false;
                }
            } catch (LDAPException e) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tombstoneAttributes() {
        List<String> attributes = new ArrayList<>(EntryDecoder.REQUESTED_ATTRIBUTES);
        attributes.add("isDeleted");
        attributes.add("lastKnownParent");
        return List.copyOf(attributes);
    }
}
