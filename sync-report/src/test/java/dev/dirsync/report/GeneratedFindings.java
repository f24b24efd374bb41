package dev.dirsync.report;

import static dev.dirsync.report.ReportFixtures.entry;
import static dev.dirsync.report.ReportFixtures.finding;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.core.rules.ProposedAction;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A deterministic, realistic-looking set of findings: two per object, every class and kind. */
final class GeneratedFindings {
    private static final List<String> GIVEN = List.of(
            "Alice",
            "Bob",
            "Chlo\u00e9",
            "David",
            "Emma",
            "Farid",
            "Greta",
            "Hiro",
            "Ines",
            "Jos\u00e9",
            "Kasia",
            "Liam",
            "Mei",
            "Nils",
            "Olga",
            "Priya",
            "Quinn",
            "Rosa",
            "S\u00f8ren",
            "Tom\u00e1\u0161");
    private static final List<String> FAMILY = List.of(
            "Andersen",
            "Brown",
            "Dubois",
            "Eriksen",
            "Fischer",
            "Garc\u00eda",
            "Hughes",
            "Ivanova",
            "Jensen",
            "Kowalski",
            "Laurent",
            "M\u00fcller",
            "Nakamura",
            "O'Brien",
            "Petrov",
            "Quintero",
            "Rossi",
            "Schmidt",
            "Tanaka",
            "Urban",
            "Varga",
            "Weber",
            "Xu",
            "Yilmaz",
            "Zimmermann",
            "Needleman",
            "Baker",
            "Costa",
            "Dalton",
            "Evans",
            "Ford",
            "Grant",
            "Hale",
            "Irwin",
            "Jones",
            "Klein",
            "Lopez",
            "Moreau",
            "Novak",
            "Ortiz",
            "Price",
            "Reyes",
            "Silva",
            "Torres",
            "Ueda",
            "Vogel",
            "Walsh",
            "Young",
            "Zhang",
            "Berg");
    private static final List<String> UNITS = List.of("Staff", "Sales", "Engineering", "Finance", "Support");

    private GeneratedFindings() {}

    static List<ReportFixtures.Item> generate(int findings) {
        List<ReportFixtures.Item> items = new ArrayList<>(findings);
        SourceEntry previous = null;
        SourceEntry current = null;
        for (int i = 0; i < findings; i++) {
            if (i % 2 == 0) {
                previous = current;
                current = object(i / 2);
            }
            items.add(new ReportFixtures.Item(current, findingNumber(i, current, previous)));
        }
        return items;
    }

    private static SourceEntry object(int n) {
        String given = GIVEN.get(n % GIVEN.size());
        String family = FAMILY.get((n / GIVEN.size()) % FAMILY.size());
        String cn = given + " " + family;
        return switch (n % 13) {
            case 5 -> entry("CN=" + cn + ",OU=Contacts,DC=corp,DC=example,DC=com", cn, "top", "person", "contact");
            case 11 -> entry(
                    "CN=Team " + family + ",OU=Groups,DC=corp,DC=example,DC=com", "Team " + family, "top", "group");
            case 7 -> entry("CN=" + cn + ",OU=People,DC=corp,DC=example,DC=com", cn, "top", "person", "inetOrgPerson");
            default -> entry(
                    "CN=" + cn + ",OU=" + UNITS.get(n % UNITS.size()) + ",DC=corp,DC=example,DC=com",
                    cn,
                    "top",
                    "person",
                    "organizationalPerson",
                    "user");
        };
    }

    private static Finding findingNumber(int i, SourceEntry entry, SourceEntry previous) {
        String cn = entry.commonName();
        String local = ascii(cn).toLowerCase(Locale.ROOT).replace(' ', '.').replace("'", "");
        return switch (i % 10) {
            case 0 -> finding("displayName", null, cn, ProposedAction.EDIT, null, ErrorClass.BLANK);
            case 1 -> finding(
                    "proxyAddresses",
                    "smtp:" + cn.toLowerCase(Locale.ROOT) + "@corp.example.com",
                    "smtp:" + ascii(cn).toLowerCase(Locale.ROOT).replace(" ", "") + "@corp.example.com",
                    ProposedAction.EDIT,
                    null,
                    ErrorClass.CHARACTER);
            case 2 -> finding(
                    "userPrincipalName",
                    local + "@corp.local",
                    local + "@corp.example.com",
                    ProposedAction.EDIT,
                    null,
                    ErrorClass.TOP_LEVEL_DOMAIN);
            case 3 -> finding(
                    "mail",
                    local + "@corp.example.com",
                    local + "@corp.example.com",
                    ProposedAction.COMPLETE,
                    previous == null ? null : previous.dn(),
                    ErrorClass.DUPLICATE);
            case 4 -> finding(
                    "mailNickname",
                    "." + local.replace(".", ".."),
                    local,
                    ProposedAction.EDIT,
                    null,
                    ErrorClass.CHARACTER);
            case 5 -> finding(
                    "sAMAccountName",
                    local.replace(".", "") + "-service-account",
                    (local.replace(".", "") + "-service-account").substring(0, 20),
                    ProposedAction.EDIT,
                    null,
                    ErrorClass.LENGTH);
            case 6 -> finding(
                    "proxyAddresses",
                    "SMTP:" + local + "@@corp.example.com",
                    "SMTP:" + local + "@@corp.example.com",
                    ProposedAction.REMOVE,
                    null,
                    ErrorClass.FORMAT);
            case 7 -> finding(
                    "givenName",
                    cn + " " + "x".repeat(60),
                    (cn + " " + "x".repeat(60)).substring(0, 64),
                    ProposedAction.EDIT,
                    null,
                    ErrorClass.LENGTH);
            case 8 -> finding(
                    "userPrincipalName",
                    local + "@contoso-old.com",
                    local + "@corp.example.com",
                    ProposedAction.EDIT,
                    null,
                    ErrorClass.UNVERIFIED_DOMAIN);
            default -> finding(
                    "targetAddress",
                    "SMTP:" + local + "@corp_example.com",
                    "SMTP:" + local + "@corpexample.com",
                    ProposedAction.EDIT,
                    null,
                    ErrorClass.DOMAIN_PART);
        };
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
