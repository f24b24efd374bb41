package dev.dirsync.core.rules;

/**
 * Whether a label is an IANA top-level domain. A port so that the core carries no list of its own:
 * the daemon supplies a maintained one.
 */
@FunctionalInterface
public interface TopLevelDomains {
    /** @param label the text after the last dot, without the dot, in any case */
    boolean isTopLevelDomain(String label);
}
