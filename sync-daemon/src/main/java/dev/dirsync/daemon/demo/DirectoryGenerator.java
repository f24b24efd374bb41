package dev.dirsync.daemon.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a realistic Active Directory-shaped directory as LDIF: a domain with built-in system
 * accounts, several OUs of people, service accounts that must be skipped, contacts, groups, a
 * computer, and (optionally) the dirty data admins meet in real directories. Deterministic for a
 * seed. Streams: memory does not grow with the number of users.
 */
public final class DirectoryGenerator {
    public static final String DOMAIN_DN = "DC=corp,DC=example,DC=com";
    public static final String MAIL_DOMAIN = "example.com";
    public static final String EXTERNAL_DOMAIN = "mail.example.net";
    private static final String PERSON_CATEGORY = "CN=Person,CN=Schema,CN=Configuration," + DOMAIN_DN;
    private static final List<String> DEPARTMENTS =
            List.of("Sales", "Engineering", "Finance", "Human Resources", "Support");
    private static final List<String> COUNTRIES = List.of("DE", "US", "GB", "FR", "NL", "AT", "CH", "SE");
    private static final List<String> GIVEN = List.of(
            "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hannah", "Ivan", "Julia", "Karl", "Lena",
            "Marco", "Nina", "Oskar", "Paula", "Quentin", "Rosa", "Stefan", "Tara", "Uwe", "Vera", "Walter", "Xenia",
            "Yusuf", "Zoe", "Amir", "Bianca", "Chen", "Dana", "Emil", "Fatima");
    private static final List<String> FAMILY = List.of(
            "Schmidt",
            "Meyer",
            "Weber",
            "Fischer",
            "Wagner",
            "Becker",
            "Hoffmann",
            "Koch",
            "Richter",
            "Klein",
            "Wolf",
            "Neumann",
            "Schwarz",
            "Braun",
            "Zimmermann",
            "Hartmann",
            "Lange",
            "Krause",
            "Lehmann",
            "Walker",
            "Johnson",
            "Garcia",
            "Martin",
            "Dubois",
            "Rossi",
            "Jansen",
            "Novak",
            "Kowalski",
            "Nielsen",
            "Silva",
            "Tanaka",
            "OBrien");

    private final Writer out;
    private final Random random;
    private final boolean dirty;
    private final Set<String> accountNames = new HashSet<>();
    private String previousAccount = "postmaster";

    private DirectoryGenerator(Writer out, long seed, boolean dirty) {
        this.out = out;
        this.random = new Random(seed);
        this.dirty = dirty;
    }

    /** Writes the whole directory with {@code users} people (plus system and other objects). */
    public static void write(Writer out, int users, long seed, boolean dirty) throws IOException {
        new DirectoryGenerator(out, seed, dirty).writeAll(users);
        out.flush();
    }

    private void writeAll(int users) throws IOException {
        out.write("version: 1\n\n");
        entry(DOMAIN_DN, List.of("top", "domain", "domainDNS"), "dc: corp", "name: corp");
        container("CN=Users," + DOMAIN_DN, "Users");
        systemUser("Administrator", 512);
        systemUser("Guest", 66082);
        systemUser("krbtgt", 514);
        ou("OU=Corp," + DOMAIN_DN, "Corp");
        for (String department : DEPARTMENTS) {
            ou(departmentDn(department), department);
        }
        ou("OU=Service Accounts," + DOMAIN_DN, "Service Accounts");
        serviceAccount("MSOL_4f2a9c1b7d3e", "MSOL_4f2a9c1b7d3e");
        serviceAccount("svc-backup", "svc-backup");
        serviceAccount("HealthMailbox0a1b2c3", "HealthMailbox0a1b2c3");
        for (int i = 0; i < users; i++) {
            person(i);
        }
        ou("OU=Contacts," + DOMAIN_DN, "Contacts");
        contact("Partner Desk", "partner.desk@" + EXTERNAL_DOMAIN);
        ou("OU=Groups," + DOMAIN_DN, "Groups");
        group("All Staff", "all.staff");
        ou("OU=Workstations," + DOMAIN_DN, "Workstations");
        computer("WS-0001");
    }

    private void person(int index) throws IOException {
        String given = GIVEN.get(random.nextInt(GIVEN.size()));
        String family = FAMILY.get(random.nextInt(FAMILY.size()));
        String account = uniqueAccount((given + "." + family).toLowerCase(Locale.ROOT));
        String department = DEPARTMENTS.get(index % DEPARTMENTS.size());
        String cn = given + " " + family + (account.matches(".*\\d$") ? " " + account.replaceAll("\\D", "") : "");
        Person p = new Person(cn, given, family, account, department);
        if (dirty) {
            p.dirty(index);
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add("cn: " + p.cn);
        lines.add("objectCategory: " + PERSON_CATEGORY);
        addIf(lines, "displayName", p.displayName);
        addIf(lines, "givenName", p.givenName);
        lines.add("sn: " + p.sn);
        lines.add("sAMAccountName: " + p.sam);
        addIf(lines, "userPrincipalName", p.upn);
        addIf(lines, "mail", p.mail);
        addIf(lines, "mailNickname", p.nickname);
        addIf(lines, "targetAddress", p.target);
        for (String proxy : p.proxies) {
            lines.add("proxyAddresses: " + proxy);
        }
        lines.add("department: " + department);
        lines.add("userAccountControl: " + (index % 19 == 5 ? 514 : 512));
        if (index % 11 != 3) {
            lines.add("c: " + COUNTRIES.get(index % COUNTRIES.size()));
        }
        lines.add("objectGUID:: " + guid());
        entry(
                "CN=" + escapeRdn(p.cn) + "," + departmentDn(department),
                List.of("top", "person", "organizationalPerson", "user"),
                lines.toArray(String[]::new));
        previousAccount = account;
    }

    /** Mutable draft of one person, so dirty variants can change single attributes. */
    private final class Person {
        String cn;
        String displayName;
        String givenName;
        String sn;
        String sam;
        String upn;
        String mail;
        String nickname;
        String target;
        List<String> proxies;

        Person(String cn, String given, String family, String account, String department) {
            this.cn = cn;
            this.displayName = cn;
            this.givenName = given;
            this.sn = family;
            this.sam = account.length() > 20 ? account.substring(0, 20) : account;
            this.upn = account + "@" + MAIL_DOMAIN;
            this.mail = account + "@" + MAIL_DOMAIN;
            this.nickname = account;
            this.target = "SMTP:" + account + "@" + EXTERNAL_DOMAIN;
            this.proxies = new java.util.ArrayList<>(List.of(
                    "SMTP:" + account + "@" + MAIL_DOMAIN,
                    "smtp:" + account.charAt(0) + account.substring(account.indexOf('.') + 1) + "@" + MAIL_DOMAIN,
                    "X500:/o=Corp/ou=Exchange Administrative Group/cn=Recipients/cn=" + account));
        }

        /** Every 25th person carries one kind of dirty data, in rotation. */
        void dirty(int index) {
            if (index % 25 != 7) {
                return;
            }
            switch ((index / 25) % 10) {
                case 0 -> displayName = null; // Blank
                case 1 -> nickname = given() + " " + sn.toLowerCase(Locale.ROOT); // Character (space)
                case 2 -> proxies.add(
                        "smtp:" + previousAccount + "@" + MAIL_DOMAIN); // Duplicate of the previous person's address
                case 3 -> upn = sam + "@corp.local"; // TopLevelDomain (non-routable)
                case 4 -> proxies.add("SMTP:" + sam + ".alt@" + MAIL_DOMAIN); // a second primary
                case 5 -> mail = sam.replace(".", "..") + "@" + MAIL_DOMAIN; // LocalPart (double dot)
                case 6 -> givenName = givenName + " " + "Maximiliane-Alexandra".repeat(4); // Length (fixed)
                case 7 -> upn = "zo\u00eb." + sn.toLowerCase(Locale.ROOT) + index + "@" + MAIL_DOMAIN; // non-ASCII
                case 8 -> proxies.add("smtp:" + sam + "@" + MAIL_DOMAIN + " "); // whitespace in an address
                default -> sam =
                        sam.length() > 16 ? sam.substring(0, 16) + ",x" : sam + ",x"; // Character in sAMAccountName
            }
        }

        private String given() {
            return givenName.toLowerCase(Locale.ROOT);
        }
    }

    private static void addIf(List<String> lines, String name, String value) {
        if (value != null) {
            lines.add(name + ": " + value);
        }
    }

    private String uniqueAccount(String base) {
        String account = base;
        int n = 2;
        while (!accountNames.add(account)) {
            account = base + n++;
        }
        return account;
    }

    private void systemUser(String cn, int uac) throws IOException {
        entry(
                "CN=" + cn + ",CN=Users," + DOMAIN_DN,
                List.of("top", "person", "organizationalPerson", "user"),
                "cn: " + cn,
                "objectCategory: " + PERSON_CATEGORY,
                "sAMAccountName: " + cn,
                "userAccountControl: " + uac,
                "isCriticalSystemObject: TRUE",
                "objectGUID:: " + guid());
    }

    private void serviceAccount(String cn, String sam) throws IOException {
        entry(
                "CN=" + cn + ",OU=Service Accounts," + DOMAIN_DN,
                List.of("top", "person", "organizationalPerson", "user"),
                "cn: " + cn,
                "objectCategory: " + PERSON_CATEGORY,
                "sAMAccountName: " + sam,
                "userPrincipalName: " + sam.toLowerCase(Locale.ROOT) + "@" + MAIL_DOMAIN,
                "userAccountControl: 512",
                "objectGUID:: " + guid());
    }

    private void contact(String cn, String mail) throws IOException {
        entry(
                "CN=" + cn + ",OU=Contacts," + DOMAIN_DN,
                List.of("top", "person", "organizationalPerson", "contact"),
                "cn: " + cn,
                "objectCategory: " + PERSON_CATEGORY,
                "displayName: " + cn,
                "mail: " + mail,
                "targetAddress: SMTP:" + mail,
                "objectGUID:: " + guid());
    }

    private void group(String cn, String nickname) throws IOException {
        entry(
                "CN=" + cn + ",OU=Groups," + DOMAIN_DN,
                List.of("top", "group"),
                "cn: " + cn,
                "objectCategory: CN=Group,CN=Schema,CN=Configuration," + DOMAIN_DN,
                "groupType: 8",
                "sAMAccountName: " + nickname,
                "mail: " + nickname + "@" + MAIL_DOMAIN,
                "proxyAddresses: SMTP:" + nickname + "@" + MAIL_DOMAIN,
                "objectGUID:: " + guid());
    }

    private void computer(String name) throws IOException {
        entry(
                "CN=" + name + ",OU=Workstations," + DOMAIN_DN,
                List.of("top", "person", "organizationalPerson", "user", "computer"),
                "cn: " + name,
                "objectCategory: CN=Computer,CN=Schema,CN=Configuration," + DOMAIN_DN,
                "sAMAccountName: " + name + "$",
                "userAccountControl: 4096",
                "objectGUID:: " + guid());
    }

    private void ou(String dn, String name) throws IOException {
        entry(dn, List.of("top", "organizationalUnit"), "ou: " + name);
    }

    private void container(String dn, String name) throws IOException {
        entry(dn, List.of("top", "container"), "cn: " + name, "isCriticalSystemObject: TRUE");
    }

    private static String departmentDn(String department) {
        return "OU=" + department + ",OU=Corp," + DOMAIN_DN;
    }

    private void entry(String dn, List<String> objectClasses, String... lines) throws IOException {
        out.write(ldifLine("dn", dn));
        for (String objectClass : objectClasses) {
            out.write("objectClass: " + objectClass + "\n");
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (line.startsWith(line.substring(0, colon) + "::")) {
                out.write(line + "\n");
            } else {
                out.write(ldifLine(line.substring(0, colon), line.substring(colon + 2)));
            }
        }
        out.write("\n");
    }

    /** One attribute line; values that LDIF cannot carry as plain text are Base64-encoded. */
    private static String ldifLine(String name, String value) {
        boolean safe = !value.isEmpty()
                && value.charAt(0) != ' '
                && value.charAt(0) != ':'
                && value.charAt(0) != '<'
                && value.charAt(value.length() - 1) != ' '
                && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (safe) {
            return name + ": " + value + "\n";
        }
        return name + ":: "
                + Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n";
    }

    private static String escapeRdn(String value) {
        return value.replace("\\", "\\\\")
                .replace(",", "\\,")
                .replace("+", "\\+")
                .replace("\"", "\\\"");
    }

    private String guid() {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(random.nextLong()).putLong(random.nextLong());
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
