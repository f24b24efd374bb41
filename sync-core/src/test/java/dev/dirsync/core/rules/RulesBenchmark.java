package dev.dirsync.core.rules;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.SourceEntry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Throughput of the readiness rules over a synthetic directory generated on the fly (never held as
 * a list): users with realistic attributes, contacts, groups and system objects, with a few dirty
 * values and repeated addresses. Not a unit test; run it with a bounded heap, for example
 * {@code java -Xmx1g -cp ... dev.dirsync.core.rules.RulesBenchmark 1000000}.
 */
public final class RulesBenchmark {
    private static final int SAMPLE_EVERY = 10_000;

    private RulesBenchmark() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        RuleSettings settings = new RuleSettings(
                Profile.MULTI_TENANT,
                Set.of("contoso.com", "contoso.mail.onmicrosoft.com"),
                "contoso.com",
                ReadinessPolicy.defaults(),
                new ValidatorTopLevelDomains());
        SyntheticDirectory directory = new SyntheticDirectory(42);
        ReadinessChecker checker = new ReadinessChecker(settings);
        Runtime runtime = Runtime.getRuntime();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

        long skipped = 0;
        long findings = 0;
        long duplicates = 0;
        long blocked = 0;
        long peakUsed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            SourceEntry entry = directory.entry(i);
            if (checker.skipReason(entry).isPresent()) {
                skipped++;
                continue;
            }
            CheckResult result = checker.check(entry);
            findings += result.findings().size();
            blocked += result.blocked() ? 1 : 0;
            for (Finding finding : result.findings()) {
                duplicates += finding.classes().contains(ErrorClass.DUPLICATE) ? 1 : 0;
            }
            if (i % SAMPLE_EVERY == 0) {
                peakUsed = Math.max(peakUsed, runtime.totalMemory() - runtime.freeMemory());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        peakUsed = Math.max(peakUsed, runtime.totalMemory() - runtime.freeMemory());
        long poolPeaks = heapPools.stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.gc();
        long retained = runtime.totalMemory() - runtime.freeMemory();

        System.out.printf(Locale.ROOT, "entries: %,d (checked %,d, skipped %,d)%n", count, count - skipped, skipped);
        System.out.printf(
                Locale.ROOT, "findings: %,d (duplicates %,d), blocked objects: %,d%n", findings, duplicates, blocked);
        System.out.printf(Locale.ROOT, "elapsed: %.2f s, %,.0f entries/s%n", seconds, count / seconds);
        System.out.printf(
                Locale.ROOT,
                "heap: peak used %,d MB (sampled every %,d entries), sum of pool peaks %,d MB,"
                        + " retained after GC %,d MB, max %,d MB%n",
                mb(peakUsed),
                SAMPLE_EVERY,
                mb(poolPeaks),
                mb(retained),
                mb(runtime.maxMemory()));
        if (checker.check(directory.entry(0)).findings().isEmpty()) {
            throw new IllegalStateException("a re-read entry must collide with itself as read earlier");
        }
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Entry {@code i} of a synthetic directory; the same seed and index give the same entry. */
    static final class SyntheticDirectory {
        private static final String[] GIVEN_NAMES = {
            "John",
            "Jane",
            "Ana",
            "Jörg",
            "Zoë",
            "Li",
            "Øyvind",
            "Mary-Ann",
            "Peter",
            "Siobhán",
            "Ahmed",
            "Olga",
            "Ren",
            "Chloé",
            "Björn",
            "Kate"
        };
        private static final String[] SURNAMES = {
            "Doe",
            "Smith",
            "Müller",
            "García",
            "O'Brien",
            "Nguyen",
            "Kowalski",
            "Johansson",
            "Rossi",
            "Dubois",
            "Tanaka",
            "Öztürk",
            "Van der Berg",
            "Murphy",
            "Schmidt",
            "Silva"
        };
        private static final List<String> USER_CLASSES = List.of("top", "person", "organizationalPerson", "user");
        private static final List<String> CONTACT_CLASSES = List.of("top", "person", "organizationalPerson", "contact");
        private static final List<String> GROUP_CLASSES = List.of("top", "group");
        private static final String[] OUS = {"OU=Sales", "OU=Engineering", "OU=Finance", "OU=Support", "OU=Marketing"};

        private final long seed;

        SyntheticDirectory(long seed) {
            this.seed = seed;
        }

        SourceEntry entry(int i) {
            SplittableRandom random = new SplittableRandom(seed * 31 + i);
            int kind = random.nextInt(100);
            if (kind < 2) {
                return systemObject(i, random);
            }
            if (kind < 8) {
                return contact(i, random);
            }
            if (kind < 12) {
                return group(i, random);
            }
            return user(i, random);
        }

        private SourceEntry user(int i, SplittableRandom random) {
            String given = GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
            String sn = SURNAMES[random.nextInt(SURNAMES.length)];
            String cn = given + " " + sn + " " + i;
            String local = ascii(given) + "." + ascii(sn) + i;
            String sam = (ascii(given).charAt(0) + ascii(sn)).toLowerCase(Locale.ROOT) + i;
            String address = local + "@contoso.com";
            String upn = address;
            String mail = address;
            String nickname = local;
            String displayName = given + " " + sn;
            String secondPrimary = null;
            switch (random.nextInt(200)) {
                case 0 -> upn = given.toLowerCase(Locale.ROOT) + "." + sn.toLowerCase(Locale.ROOT) + i + "@contoso.com";
                case 1 -> upn = local + "@contoso.local";
                case 2 -> upn = given + " " + sn + i + "@contoso.com";
                case 3 -> displayName = displayName.repeat(30);
                case 4 -> mail = "first.last" + (i / 1000) + "@contoso.com";
                case 5 -> sam = sam + "-with-a-long-tail";
                case 6 -> nickname = "." + nickname + "..x";
                case 7 -> secondPrimary = "SMTP:" + sam + "@contoso.com";
                case 8 -> mail = local + "@fabrikam.com";
                case 9 -> upn = null;
                default -> {}
            }
            Attributes.Builder attributes = Attributes.builder()
                    .add("cn", cn)
                    .add("displayName", displayName)
                    .add("givenName", given)
                    .add("sn", sn)
                    .add("sAMAccountName", sam)
                    .add("userPrincipalName", upn)
                    .add("mail", mail)
                    .add("mailNickname", nickname)
                    .add("proxyAddresses", "SMTP:" + mail)
                    .add("proxyAddresses", "smtp:" + sam + "@contoso.mail.onmicrosoft.com")
                    .add(
                            "proxyAddresses",
                            "X500:/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
                                    + sam)
                    .add("proxyAddresses", secondPrimary)
                    .add("userAccountControl", "512");
            if (random.nextInt(5) == 0) {
                attributes.add("targetAddress", "SMTP:" + local + "@contoso.mail.onmicrosoft.com");
            }
            return entry(i, cn, OUS[i % OUS.length], USER_CLASSES, attributes);
        }

        private SourceEntry contact(int i, SplittableRandom random) {
            String given = GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
            String sn = SURNAMES[random.nextInt(SURNAMES.length)];
            String cn = given + " " + sn + " (partner " + i + ")";
            String address = ascii(given) + "." + ascii(sn) + i + "@fabrikam.com";
            Attributes.Builder attributes = Attributes.builder()
                    .add("cn", cn)
                    .add("displayName", given + " " + sn)
                    .add("mail", address)
                    .add("targetAddress", "SMTP:" + address)
                    .add("mailNickname", "partner" + i)
                    .add("proxyAddresses", "SMTP:" + address);
            return entry(i, cn, "OU=Contacts", CONTACT_CLASSES, attributes);
        }

        private SourceEntry group(int i, SplittableRandom random) {
            String cn = "Team " + i;
            Attributes.Builder attributes =
                    Attributes.builder().add("cn", cn).add("displayName", cn).add("sAMAccountName", "team" + i);
            if (random.nextBoolean()) {
                attributes.add("groupType", "-2147483646").add("mail", "team" + i + "@contoso.com");
            } else {
                attributes
                        .add("groupType", "8")
                        .add("mail", "team" + i + "@contoso.com")
                        .add("proxyAddresses", "SMTP:team" + i + "@contoso.com")
                        .add("mailNickname", "team" + i);
            }
            return entry(i, cn, "OU=Groups", GROUP_CLASSES, attributes);
        }

        private SourceEntry systemObject(int i, SplittableRandom random) {
            String cn = random.nextBoolean() ? "HealthMailbox" + Integer.toHexString(i) : "SystemMailbox{" + i + "}";
            return entry(
                    i,
                    cn,
                    "CN=Users",
                    USER_CLASSES,
                    Attributes.builder().add("cn", cn).add("sAMAccountName", "SM_" + Integer.toHexString(i)));
        }

        private SourceEntry entry(
                int i, String cn, String container, List<String> objectClasses, Attributes.Builder attributes) {
            String dn = "CN=" + cn + "," + container + ",DC=contoso,DC=com";
            Anchor anchor = Anchor.ofUuid(new UUID(seed, i));
            return SourceEntry.live(dn, anchor, objectClasses, attributes.build());
        }

        private static String ascii(String name) {
            return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                    .replaceAll("[^A-Za-z-]", "");
        }
    }
}
