package dev.dirsync.core.rules;

import org.apache.commons.validator.routines.DomainValidator;

/** The IANA top-level-domain list as commons-validator maintains it, behind the core's port. */
public final class ValidatorTopLevelDomains implements TopLevelDomains {
    private final DomainValidator validator = DomainValidator.getInstance(false);

    @Override
    public boolean isTopLevelDomain(String label) {
        return validator.isValidTld(label);
    }
}
