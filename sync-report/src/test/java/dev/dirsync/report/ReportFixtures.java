package dev.dirsync.report;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.FindingSink;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.core.rules.ProposedAction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Shared report inputs: a fixed context and a small set of findings covering every column's edge. */
final class ReportFixtures {
    static final ReportContext CONTEXT = new ReportContext(
            Instant.parse("2024-05-06T07:08:09Z"),
            "ldaps://dc1.corp.example.com:636 OU=Staff,DC=corp,DC=example,DC=com",
            "multiTenant");

    static final SourceEntry ALICE = user("CN=Alice Andersen,OU=Staff,DC=corp,DC=example,DC=com", "Alice Andersen");
    static final SourceEntry BOB = user("CN=Bob Brown,OU=Staff,DC=corp,DC=example,DC=com", "Bob Brown");
    static final SourceEntry CHLOE = entry(
            "CN=Chlo\u00e9 Dubois,OU=Staff,DC=corp,DC=example,DC=com",
            "Chlo\u00e9 Dubois",
            "top",
            "person",
            "organizationalPerson",
            "inetOrgPerson");
    static final SourceEntry SALES =
            entry("CN=Sales\\, EMEA,OU=Groups,DC=corp,DC=example,DC=com", "Sales, EMEA", "top", "group");
    static final SourceEntry PARTNER = entry(
            "CN=Partner Desk,OU=Contacts,DC=corp,DC=example,DC=com",
            "Partner Desk",
            "top",
            "person",
            "organizationalPerson",
            "contact");
    static final SourceEntry DAVE = user("CN=Dave \"Ops\" Ng,OU=Staff,DC=corp,DC=example,DC=com", "Dave \"Ops\" Ng");
    static final SourceEntry ERIN = user("CN=Erin Ford,OU=Staff,DC=corp,DC=example,DC=com", "Erin Ford");

    /** One finding on one object, in read order. */
    record Item(SourceEntry entry, Finding finding) {}

    private ReportFixtures() {}

    /** Nine findings on seven objects: every object kind, several classes, quoting and injection cases. */
    static List<Item> sample() {
        return List.of(
                new Item(
                        ALICE,
                        finding("displayName", null, "Alice Andersen", ProposedAction.EDIT, null, ErrorClass.BLANK)),
                new Item(
                        BOB,
                        finding(
                                "proxyAddresses",
                                "smtp:bob brown@corp.example.com",
                                "smtp:bobbrown@corp.example.com",
                                ProposedAction.EDIT,
                                null,
                                ErrorClass.CHARACTER)),
                new Item(
                        BOB,
                        finding(
                                "proxyAddresses",
                                "SMTP:bob@@corp.example.com",
                                "SMTP:bob@@corp.example.com",
                                ProposedAction.REMOVE,
                                null,
                                ErrorClass.FORMAT)),
                new Item(
                        CHLOE,
                        finding(
                                "userPrincipalName",
                                "chlo\u00e9.dubois@corp.local",
                                "chloe.dubois@corp.example.com",
                                ProposedAction.EDIT,
                                null,
                                ErrorClass.CHARACTER,
                                ErrorClass.TOP_LEVEL_DOMAIN)),
                new Item(
                        SALES,
                        finding(
                                "mail",
                                "bob@corp.example.com",
                                "bob@corp.example.com",
                                ProposedAction.COMPLETE,
                                BOB.dn(),
                                ErrorClass.DUPLICATE)),
                new Item(
                        PARTNER,
                        finding(
                                "mail",
                                "@partner.example.com",
                                "@partner.example.com",
                                ProposedAction.COMPLETE,
                                null,
                                ErrorClass.FORMAT)),
                new Item(
                        DAVE,
                        finding(
                                "mailNickname",
                                "-dave..ng</script>",
                                "-dave.ng_/script_",
                                ProposedAction.EDIT,
                                null,
                                ErrorClass.CHARACTER)),
                new Item(
                        DAVE,
                        finding(
                                "sAMAccountName",
                                "=dave\"ng,ops",
                                "davengops",
                                ProposedAction.EDIT,
                                null,
                                ErrorClass.CHARACTER)),
                new Item(
                        ERIN,
                        finding(
                                "proxyAddresses",
                                "X500:/o=Corp/ou=Admin\r\n/cn=Erin",
                                "X500:/o=Corp/ou=Admin/cn=Erin",
                                ProposedAction.EDIT,
                                null,
                                ErrorClass.CHARACTER)));
    }

    static void feed(FindingSink sink, List<Item> items) {
        for (Item item : items) {
            sink.accept(item.entry(), item.finding());
        }
    }

    /** The whole report of {@code items} in {@code format}, as text. */
    static String render(ReportFormat format, List<Item> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter writer = ReportWriters.open(format, out, CONTEXT)) {
            feed(writer, items);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Finding finding(
            String attribute,
            String value,
            String suggested,
            ProposedAction action,
            String detail,
            ErrorClass... classes) {
        return new Finding(attribute, value, Arrays.asList(classes), suggested, action, detail);
    }

    static SourceEntry user(String dn, String cn) {
        return entry(dn, cn, "top", "person", "organizationalPerson", "user");
    }

    static SourceEntry entry(String dn, String cn, String... objectClasses) {
        return SourceEntry.live(
                dn,
                Anchor.ofUuid(UUID.nameUUIDFromBytes(dn.getBytes(StandardCharsets.UTF_8))),
                List.of(objectClasses),
                Attributes.builder().add("cn", cn).build());
    }
}
