package dev.dirsync.ldap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.dirsync.core.fix.AttributeChange;
import dev.dirsync.core.fix.ChangeCheck;
import dev.dirsync.core.fix.CurrentValues;
import dev.dirsync.core.fix.FixAction;
import dev.dirsync.core.fix.FixPlanner;
import dev.dirsync.core.fix.FixRow;
import dev.dirsync.core.fix.FixableAttribute;
import dev.dirsync.core.fix.RowPlan;
import dev.dirsync.core.fix.Verdict;
import dev.dirsync.core.fix.WriteResult;
import dev.dirsync.ldap.LdapDirectoryWriter;
import dev.dirsync.ldap.LdapSourceSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fix write-back against a real Active Directory DC (Samba AD, {@code .ci/setup-samba-ad}): the
 * changes land as intended, the server enforces the value precondition (assertion control), and
 * replaying the inverses returns the object to its exact earlier state.
 */
class SambaAdFixIT {
    private static final String DOMAIN = "DC=corp,DC=example,DC=com";
    private static final TestServer AD = TestServer.fromEnv(
            "Samba AD",
            "DIRSYNC_TEST_AD",
            "ldap://127.0.0.1:389",
            "Administrator@corp.example.com",
            "Dirsync-Test-Passw0rd",
            ".ci/setup-samba-ad");
    private static final FixableAttribute PROXY =
            FixableAttribute.find("proxyAddresses").orElseThrow();
    private static final FixableAttribute MAIL = FixableAttribute.find("mail").orElseThrow();
    private static final FixableAttribute NICKNAME =
            FixableAttribute.find("mailNickname").orElseThrow();
    private static final String[] FIXABLE = {"proxyAddresses", "mail", "mailNickname", "displayName"};

    private static LDAPConnection admin;
    private static String ou;

    private String anna;
    private LdapDirectoryWriter writer;

    @BeforeAll
    static void connect() throws LDAPException {
        AD.requireReachable();
        admin = new LDAPConnection(AD.host(), AD.port(), AD.bindDn(), AD.password());
        ou = "OU=dirsync-fix-it-" + UUID.randomUUID().toString().substring(0, 8) + "," + DOMAIN;
        admin.add(new AddRequest(ou, new Attribute("objectClass", "organizationalUnit")));
    }

    @AfterAll
    static void cleanUp() throws LDAPException {
        if (admin != null) {
            Subtrees.delete(admin, ou);
            admin.close();
        }
    }

    @BeforeEach
    void addAnna() throws LDAPException {
        String name = "anna-" + UUID.randomUUID().toString().substring(0, 6);
        anna = "CN=" + name + "," + ou;
        admin.add(new AddRequest(
                anna,
                new Attribute("objectClass", "user"),
                new Attribute("sAMAccountName", name),
                new Attribute("userAccountControl", "544"),
                new Attribute("mail", name + "@corp.local"),
                new Attribute("mailNickname", name + "..s"),
                new Attribute(
                        "proxyAddresses",
                        "SMTP:" + name + "@example.com",
                        "smtp:" + name + " x@example.com",
                        "smtp:dup-" + name + "@example.com")));
        writer = new LdapDirectoryWriter(LdapSourceSettings.of(AD.url(), AD.bindDn(), AD.password(), List.of(ou)));
    }

    @AfterEach
    void closeWriter() {
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    void approvedFixes_landInAd_andTheirInversesRestoreTheObjectExactly() throws LDAPException {
        Map<String, List<String>> before = snapshot();
        String name = before.get("mail").get(0).replace("@corp.local", "");
        List<AttributeChange> inverses = new ArrayList<>();
        for (FixRow row : List.of(
                row(PROXY, "smtp:" + name + " x@example.com", "smtp:" + name + "x@example.com", FixAction.EDIT),
                row(PROXY, "smtp:dup-" + name + "@example.com", null, FixAction.REMOVE),
                row(NICKNAME, name + "..s", name + ".s", FixAction.EDIT),
                row(MAIL, name + "@corp.local", name + "@example.com", FixAction.EDIT))) {
            Verdict.Ready ready = ready(((RowPlan.Change) FixPlanner.plan(row)).change());
            inverses.add(0, ready.inverse());
            assertThat(writer.apply(ready.change())).isEqualTo(WriteResult.applied());
        }

        Map<String, List<String>> after = snapshot();
        assertThat(after.get("proxyAddresses"))
                .containsExactlyInAnyOrder("SMTP:" + name + "@example.com", "smtp:" + name + "x@example.com");
        assertThat(after.get("mailNickname")).containsExactly(name + ".s");
        assertThat(after.get("mail")).containsExactly(name + "@example.com");

        for (AttributeChange inverse : inverses) {
            assertThat(writer.apply(ready(inverse).change())).isEqualTo(WriteResult.applied());
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void valueChangedAfterTheRead_isRefusedByAd_andTheNewValueKept() throws LDAPException {
        String current = snapshot().get("mail").get(0);
        Verdict.Ready ready = ready(
                ((RowPlan.Change) FixPlanner.plan(row(MAIL, current, "fixed@example.com", FixAction.EDIT))).change());
        admin.modify(anna, new Modification(ModificationType.REPLACE, "mail", "someone.else@example.com"));

        WriteResult result = writer.apply(ready.change());

        assertThat(result.status()).isEqualTo(WriteResult.Status.SKIPPED);
        assertThat(snapshot().get("mail")).containsExactly("someone.else@example.com");
    }

    private FixRow row(FixableAttribute attribute, String value, String update, FixAction action) {
        return new FixRow(2, anna, attribute.name(), value, update, action);
    }

    private Verdict.Ready ready(AttributeChange change) {
        CurrentValues values = writer.read(change.dn(), change.attribute());
        assertThat(values).isInstanceOf(CurrentValues.Found.class);
        Verdict verdict = ChangeCheck.verify(change, ((CurrentValues.Found) values).values());
        assertThat(verdict).isInstanceOf(Verdict.Ready.class);
        return (Verdict.Ready) verdict;
    }

    /** The fixable attributes of the object, values sorted (AD does not promise an order). */
    private Map<String, List<String>> snapshot() throws LDAPException {
        SearchResultEntry entry = admin.getEntry(anna, FIXABLE);
        Map<String, List<String>> values = new TreeMap<>();
        for (String name : FIXABLE) {
            String[] raw = entry.getAttributeValues(name);
            if (raw != null) {
                List<String> sorted = new ArrayList<>(Arrays.asList(raw));
                sorted.sort(null);
                values.put(name, sorted);
            }
        }
        return values;
    }
}
