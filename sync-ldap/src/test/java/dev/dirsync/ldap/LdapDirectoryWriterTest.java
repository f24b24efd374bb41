package dev.dirsync.ldap;

import static dev.dirsync.ldap.TestDirectory.BASE;
import static dev.dirsync.ldap.TestDirectory.BIND_DN;
import static dev.dirsync.ldap.TestDirectory.PASSWORD;
import static dev.dirsync.ldap.TestDirectory.PEOPLE;
import static dev.dirsync.ldap.TestDirectory.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ReadOnlyModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.controls.AssertionRequestControl;
import com.unboundid.ldif.LDIFReader;
import dev.dirsync.core.UnavailableException;
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
import dev.dirsync.core.port.DirectoryWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixes written to an in-memory directory: exactly one modify per change, carrying the change's
 * precondition as an assertion control the server enforces.
 */
class LdapDirectoryWriterTest {
    private static final String ANNA = "CN=Anna," + PEOPLE;
    private static final FixableAttribute PROXY =
            FixableAttribute.find("proxyAddresses").orElseThrow();
    private static final FixableAttribute MAIL = FixableAttribute.find("mail").orElseThrow();
    private static final FixableAttribute NICKNAME =
            FixableAttribute.find("mailNickname").orElseThrow();

    @TempDir
    Path dir;

    private InMemoryDirectoryServer server;
    private final List<ReadOnlyModifyRequest> modifies = new CopyOnWriteArrayList<>();
    private final Set<String> refusedDns = new java.util.concurrent.CopyOnWriteArraySet<>();
    private LdapDirectoryWriter writer;

    @BeforeEach
    void start() throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null);
        config.setGenerateOperationalAttributes(false);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
                modifies.add(request.getRequest());
                if (refusedDns.contains(request.getRequest().getDN())) {
                    throw new LDAPException(
                            ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
                            "no write access to " + request.getRequest().getDN());
                }
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.startListening();
        server.importFromLDIF(
                true,
                new LDIFReader(new BufferedReader(new StringReader(
                        """
                dn: DC=example,DC=com
                objectClass: domain
                dc: example

                dn: OU=People,DC=example,DC=com
                objectClass: organizationalUnit
                ou: People

                dn: OU=Other,DC=example,DC=com
                objectClass: organizationalUnit
                ou: Other
                """
                                + "\n"
                                + user(
                                        "Anna",
                                        "mail: anna@corp.local",
                                        "mailNickname: anna..s",
                                        "proxyAddresses: SMTP:anna@example.com",
                                        "proxyAddresses: smtp:anna schmidt@example.com",
                                        "proxyAddresses: smtp:dup@example.com")))));
        writer = new LdapDirectoryWriter(LdapSourceSettings.of(
                "ldap://127.0.0.1:" + server.getListenPort(), BIND_DN, PASSWORD, List.of(PEOPLE)));
    }

    @AfterEach
    void stop() {
        writer.close();
        server.shutDown(true);
    }

    @Test
    void editSingleValued_replacesTheValueInOneModify() throws LDAPException {
        WriteResult result = fix(row(NICKNAME, "anna..s", "anna.s", FixAction.EDIT));

        assertThat(result).isEqualTo(WriteResult.applied());
        assertThat(values(NICKNAME)).containsExactly("anna.s");
        assertThat(modifies).singleElement().satisfies(modify -> {
            assertThat(modify.getModifications())
                    .containsExactly(new Modification(ModificationType.REPLACE, "mailNickname", "anna.s"));
            assertThat(assertionOf(modify)).isEqualTo("(mailNickname=anna..s)");
        });
    }

    @Test
    void editProxyAddresses_deletesTheOldValueAndAddsTheNewOne_inOneModify() throws LDAPException {
        WriteResult result =
                fix(row(PROXY, "smtp:anna schmidt@example.com", "smtp:annaschmidt@example.com", FixAction.EDIT));

        assertThat(result).isEqualTo(WriteResult.applied());
        assertThat(values(PROXY))
                .containsExactlyInAnyOrder(
                        "SMTP:anna@example.com", "smtp:annaschmidt@example.com", "smtp:dup@example.com");
        assertThat(modifies).singleElement().satisfies(modify -> {
            assertThat(modify.getModifications())
                    .containsExactly(
                            new Modification(
                                    ModificationType.DELETE, "proxyAddresses", "smtp:anna schmidt@example.com"),
                            new Modification(ModificationType.ADD, "proxyAddresses", "smtp:annaschmidt@example.com"));
            assertThat(assertionOf(modify)).isEqualTo("(proxyAddresses=smtp:anna schmidt@example.com)");
        });
    }

    @Test
    void editProxyAddresses_changingOnlyThePrefixCase_works() throws LDAPException {
        fix(row(PROXY, "smtp:dup@example.com", "SMTP:dup@example.com", FixAction.EDIT));

        assertThat(values(PROXY)).contains("SMTP:dup@example.com").doesNotContain("smtp:dup@example.com");
    }

    @Test
    void removeProxyAddress_deletesOnlyThatValue() throws LDAPException {
        WriteResult result = fix(row(PROXY, "smtp:dup@example.com", null, FixAction.REMOVE));

        assertThat(result.status()).isEqualTo(WriteResult.Status.APPLIED);
        assertThat(values(PROXY)).containsExactlyInAnyOrder("SMTP:anna@example.com", "smtp:anna schmidt@example.com");
    }

    @Test
    void removeSingleValued_removesTheAttribute() throws LDAPException {
        fix(row(MAIL, "anna@corp.local", null, FixAction.REMOVE));

        assertThat(server.getEntry(ANNA).hasAttribute("mail")).isFalse();
    }

    @Test
    void valueChangedAfterTheReport_isSkippedWithoutSendingAnything() throws LDAPException {
        server.modify(ANNA, new Modification(ModificationType.REPLACE, "mail", "anna@example.com"));
        modifies.clear();
        RowPlan.Change plan = plan(row(MAIL, "anna@corp.local", "anna@corp.example.com", FixAction.EDIT));

        Verdict verdict = ChangeCheck.verify(plan.change(), found(writer.read(ANNA, MAIL)));

        assertThat(verdict).isEqualTo(new Verdict.Stale("mail is now 'anna@example.com', not 'anna@corp.local'"));
        assertThat(modifies).isEmpty();
    }

    @Test
    void concurrentChangeBetweenReadAndWrite_isRefusedByTheServer_andKept() throws LDAPException {
        RowPlan.Change plan = plan(row(MAIL, "anna@corp.local", "anna@corp.example.com", FixAction.EDIT));
        Verdict verdict = ChangeCheck.verify(plan.change(), found(writer.read(ANNA, MAIL)));
        assertThat(verdict).isInstanceOf(Verdict.Ready.class);
        server.modify(ANNA, new Modification(ModificationType.REPLACE, "mail", "someone.else@example.com"));

        WriteResult result = writer.apply(((Verdict.Ready) verdict).change());

        assertThat(result.status()).isEqualTo(WriteResult.Status.SKIPPED);
        assertThat(result.reason()).contains("changed after it was read");
        assertThat(values(MAIL)).containsExactly("someone.else@example.com");
    }

    @Test
    void inverse_restoresTheEntryExactly() throws LDAPException {
        Entry before = server.getEntry(ANNA);
        List<AttributeChange> inverses = new ArrayList<>();
        for (FixRow row : List.of(
                row(PROXY, "smtp:anna schmidt@example.com", "smtp:annaschmidt@example.com", FixAction.EDIT),
                row(PROXY, "smtp:dup@example.com", null, FixAction.REMOVE),
                row(NICKNAME, "anna..s", "anna.s", FixAction.EDIT),
                row(MAIL, "anna@corp.local", null, FixAction.REMOVE))) {
            Verdict.Ready ready = ready(plan(row).change());
            inverses.add(0, ready.inverse());
            assertThat(writer.apply(ready.change())).isEqualTo(WriteResult.applied());
        }
        assertThat(server.getEntry(ANNA)).isNotEqualTo(before);

        for (AttributeChange inverse : inverses) {
            assertThat(writer.apply(ready(inverse).change())).isEqualTo(WriteResult.applied());
        }

        assertThat(server.getEntry(ANNA)).isEqualTo(before);
    }

    @Test
    void missingObject_readsAsNoObject_andItsChangeIsSkipped() {
        String gone = "CN=Gone," + PEOPLE;

        assertThat(writer.read(gone, MAIL)).isEqualTo(new CurrentValues.NoObject());
        WriteResult result = writer.apply(plan(new FixRow(2, gone, "mail", "a@b.local", "a@b.com", FixAction.EDIT))
                .change());
        assertThat(result.status()).isEqualTo(WriteResult.Status.SKIPPED);
        assertThat(result.reason()).isEqualTo("the object no longer exists");
    }

    @Test
    void objectsOutsideTheBaseDns_areNeitherReadNorChanged() {
        String outside = "CN=Someone,OU=Other," + BASE;

        assertThat(writer.read(outside, MAIL))
                .isEqualTo(new CurrentValues.Refused("'" + outside + "' is outside source.baseDn [" + PEOPLE + "]"));
        assertThat(writer.apply(plan(new FixRow(2, outside, "mail", "a", "b", FixAction.EDIT))
                                .change())
                        .status())
                .isEqualTo(WriteResult.Status.FAILED);
        assertThat(writer.read("not a dn", MAIL)).isEqualTo(new CurrentValues.Refused("'not a dn' is not a valid DN"));
        assertThat(modifies).isEmpty();
    }

    @Test
    void refusedModify_failsNamingTheDnAndTheServersReason() {
        refusedDns.add(ANNA);

        WriteResult result = fix(row(MAIL, "anna@corp.local", "anna@corp.example.com", FixAction.EDIT));

        assertThat(result.status()).isEqualTo(WriteResult.Status.FAILED);
        assertThat(result.reason())
                .startsWith("the directory refused to change '" + ANNA + "': 50 (insufficient access " + "rights)")
                .contains("no write access");
    }

    @Test
    void unreachableDirectory_throwsUnavailable() {
        server.shutDown(true);

        assertThatThrownBy(() -> writer.read(ANNA, MAIL)).isInstanceOf(UnavailableException.class);
    }

    @Test
    void embeddedUrl_writesToAnEmbeddedDirectoryLoadedFromTheFile() throws IOException {
        Path ldif = dir.resolve("d.ldif");
        Files.writeString(
                ldif,
                "dn: " + BASE + "\nobjectClass: domain\ndc: example\n\n"
                        + "dn: " + PEOPLE + "\nobjectClass: organizationalUnit\nou: People\n\n"
                        + user("Anna", "mail: anna@corp.local"));
        LdapSourceSettings settings = LdapSourceSettings.of("embedded:" + ldif, BIND_DN, PASSWORD, List.of(BASE));

        try (DirectoryWriter embedded = LdapDirectoryWriter.open(settings)) {
            AttributeChange change = plan(row(MAIL, "anna@corp.local", "anna@corp.example.com", FixAction.EDIT))
                    .change();
            assertThat(embedded.apply(ready(change, embedded).change())).isEqualTo(WriteResult.applied());
            assertThat(embedded.read(ANNA, MAIL)).isEqualTo(new CurrentValues.Found(List.of("anna@corp.example.com")));
            assertThat(embedded.describe()).startsWith("embedded:" + ldif);
        }
    }

    private static FixRow row(FixableAttribute attribute, String value, String update, FixAction action) {
        return new FixRow(2, ANNA, attribute.name(), value, update, action);
    }

    private static RowPlan.Change plan(FixRow row) {
        return (RowPlan.Change) FixPlanner.plan(row);
    }

    private WriteResult fix(FixRow row) {
        return writer.apply(ready(plan(row).change()).change());
    }

    private Verdict.Ready ready(AttributeChange change) {
        return ready(change, writer);
    }

    private static Verdict.Ready ready(AttributeChange change, DirectoryWriter target) {
        Verdict verdict = ChangeCheck.verify(change, found(target.read(change.dn(), change.attribute())));
        assertThat(verdict).isInstanceOf(Verdict.Ready.class);
        return (Verdict.Ready) verdict;
    }

    private static List<String> found(CurrentValues values) {
        assertThat(values).isInstanceOf(CurrentValues.Found.class);
        return ((CurrentValues.Found) values).values();
    }

    private List<String> values(FixableAttribute attribute) throws LDAPException {
        String[] values = server.getEntry(ANNA).getAttributeValues(attribute.name());
        return values == null ? List.of() : List.of(values);
    }

    private static String assertionOf(ReadOnlyModifyRequest modify) {
        try {
            return new AssertionRequestControl(modify.getControl(AssertionRequestControl.ASSERTION_REQUEST_OID))
                    .getFilter()
                    .toString();
        } catch (LDAPException e) {
            throw new AssertionError("no assertion control: " + e.getMessage(), e);
        }
    }
}
