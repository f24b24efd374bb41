package dev.dirsync.daemon.run;

import dev.dirsync.core.rules.TopLevelDomains;
import org.apache.commons.validator.routines.DomainValidator;

/** The IANA top-level-domain list as commons-validator maintains it. */
final class CommonsTopLevelDomains implements TopLevelDomains {
    private final DomainValidator validator = DomainValidator.getInstance(false);

    @Override
    public boolean isTopLevelDomain(String label) {
        return validator.isValidTld(label);
    }
}
