package dev.dirsync.core.rules;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.SourceEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Directory objects for rule tests: {@code user("John Doe").with("mail", "john@contoso.com").build()}.
 * Every object starts with cn and displayName set to the given name.
 */
public final class TestEntries {
    private TestEntries() {}

    public static Builder user(String cn) {
        return new Builder(cn, "OU=People", List.of("top", "person", "organizationalPerson", "user"));
    }

    /**
     * A user that can be a mail user: with an external address, {@code targetAddress
     * SMTP:<cn, spaces as dots>@fabrikam.com}. A user without any address is not exported.
     */
    public static Builder mailUser(String cn) {
        return user(cn).with("targetAddress", "SMTP:" + cn.replace(' ', '.') + "@fabrikam.com");
    }

    public static Builder inetOrgPerson(String cn) {
        return new Builder(cn, "OU=People", List.of("top", "person", "organizationalPerson", "inetOrgPerson"));
    }

    public static Builder contact(String cn) {
        return new Builder(cn, "OU=Contacts", List.of("top", "person", "organizationalPerson", "contact"));
    }

    public static Builder group(String cn) {
        return new Builder(cn, "OU=Groups", List.of("top", "group"));
    }

    public static Builder computer(String cn) {
        return new Builder(cn, "OU=Computers", List.of("top", "person", "organizationalPerson", "user", "computer"));
    }

    public static final class Builder {
        private final List<String> objectClasses;
        private final Attributes.Builder attributes = Attributes.builder();
        private String dn;

        private Builder(String cn, String container, List<String> objectClasses) {
            this.objectClasses = objectClasses;
            this.dn = "CN=" + cn + "," + container + ",DC=contoso,DC=com";
            attributes.add("cn", cn).add("displayName", cn);
        }

        /** Replaces the attribute's values. */
        public Builder with(String attribute, String... values) {
            attributes.remove(attribute).putAll(attribute, List.of(values));
            return this;
        }

        public Builder without(String attribute) {
            attributes.remove(attribute);
            return this;
        }

        public Builder dn(String dn) {
            this.dn = dn;
            return this;
        }

        public SourceEntry build() {
            Anchor anchor = Anchor.ofUuid(UUID.nameUUIDFromBytes(dn.getBytes(StandardCharsets.UTF_8)));
            return SourceEntry.live(dn, anchor, objectClasses, attributes.build());
        }
    }
}
