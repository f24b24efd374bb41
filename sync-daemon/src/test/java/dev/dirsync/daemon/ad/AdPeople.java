package dev.dirsync.daemon.ad;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A fresh OU on the AD DC holding people with Exchange-style mail attributes, a subtree excluded
 * from the sync, an OU outside the base, and the scoping group every person starts in. Created over
 * LDAP; {@link #close()} deletes the whole OU.
 *
 * <pre>
 * OU=dirsync-sync-it-TAG            (the group CN=Cloud TAG lives here)
 *   OU=People                       (source.baseDn)
 *     OU=Excluded                   (source.excludedDns)
 *   OU=Outside
 * </pre>
 */
final class AdPeople implements AutoCloseable {
    /** userAccountControl NORMAL_ACCOUNT | PASSWD_NOTREQD: enabled without a password. */
    private static final String ENABLED = "544";

    private final LDAPConnection admin;
    private final String tag;
    private final String ou;
    private final List<String> dns = new ArrayList<>();
    private final List<String> anchors = new ArrayList<>();

    private AdPeople(LDAPConnection admin, String tag) {
        this.admin = admin;
        this.tag = tag;
        this.ou = "OU=dirsync-sync-it-" + tag + "," + TestAd.DOMAIN;
    }

    /** Creates the OUs, {@code count} people and the scoping group with all of them as members. */
    static AdPeople create(TestAd ad, int count) throws LDAPException {
        LDAPConnection admin = new LDAPConnection(ad.host(), ad.port(), ad.bindDn(), ad.password());
        AdPeople people = new AdPeople(admin, UUID.randomUUID().toString().substring(0, 6));
        for (String dn : List.of(people.ou, people.people(), people.excluded(), people.outside())) {
            admin.add(new AddRequest(dn, new Attribute("objectClass", "organizationalUnit")));
        }
        for (int i = 0; i < count; i++) {
            people.addPerson(i);
        }
        admin.add(new AddRequest(
                people.group(),
                new Attribute("objectClass", "top", "group"),
                new Attribute("sAMAccountName", "itg" + people.tag),
                new Attribute("member", people.dns)));
        return people;
    }

    String people() {
        return "OU=People," + ou;
    }

    String excluded() {
        return "OU=Excluded," + people();
    }

    String outside() {
        return "OU=Outside," + ou;
    }

    String group() {
        return "CN=Cloud " + tag + "," + ou;
    }

    int count() {
        return dns.size();
    }

    String dn(int i) {
        return dns.get(i);
    }

    /** The person's sAMAccountName, also the local part of their addresses. */
    String account(int i) {
        return "it" + tag + String.format("%04d", i);
    }

    /** Base64 of the person's objectGUID as the DC stores it: the ImmutableId. */
    String anchor(int i) {
        return anchors.get(i);
    }

    List<String> anchors() {
        return List.copyOf(anchors);
    }

    void replace(int i, String attribute, String value) throws LDAPException {
        admin.modify(dns.get(i), new Modification(ModificationType.REPLACE, attribute, value));
    }

    void delete(int i) throws LDAPException {
        admin.delete(dns.get(i));
    }

    void moveTo(int i, String parentDn) throws LDAPException {
        String rdn = dns.get(i).substring(0, dns.get(i).indexOf(','));
        admin.modifyDN(new ModifyDNRequest(dns.get(i), rdn, true, parentDn));
        dns.set(i, rdn + "," + parentDn);
    }

    void removeFromGroup(int i) throws LDAPException {
        admin.modify(group(), new Modification(ModificationType.DELETE, "member", dns.get(i)));
    }

    private void addPerson(int i) throws LDAPException {
        String account = account(i);
        String dn = "CN=Person " + tag + " " + i + "," + people();
        admin.add(new AddRequest(
                dn,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", account),
                new Attribute("userPrincipalName", account + "@corp.example.com"),
                new Attribute("userAccountControl", ENABLED),
                new Attribute("givenName", "Person"),
                new Attribute("sn", "Number " + i),
                new Attribute("displayName", "Person Number " + i),
                new Attribute("mail", account + "@corp.example.com"),
                new Attribute("mailNickname", account),
                new Attribute(
                        "proxyAddresses",
                        "SMTP:" + account + "@corp.example.com",
                        "smtp:" + account + ".alias@corp.example.com"),
                new Attribute("targetAddress", "SMTP:" + account + "@mail.example.net")));
        SearchResultEntry entry = admin.getEntry(dn, "objectGUID");
        dns.add(dn);
        anchors.add(Base64.getEncoder().encodeToString(entry.getAttributeValueBytes("objectGUID")));
    }

    @Override
    public void close() throws LDAPException {
        try {
            DeleteRequest delete = new DeleteRequest(ou);
            delete.addControl(new SubtreeDeleteRequestControl(true));
            admin.delete(delete);
        } finally {
            admin.close();
        }
    }
}
