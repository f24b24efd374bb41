package dev.dirsync.core.rules.internal;

import java.util.List;

/**
 * The rules of one attribute family. Each family runs {@link EncodingRule} on every value it
 * checks, after its Blank rule (if any) and before any other.
 */
interface AttributeRules {

    /**
     * Checks the entry's values of this family in the rule order of docs/readiness-rules.md and
     * appends one {@link ValueCheck} per value checked, clean or not, in attribute then value order.
     */
    void check(CheckedEntry entry, List<ValueCheck> out);
}
