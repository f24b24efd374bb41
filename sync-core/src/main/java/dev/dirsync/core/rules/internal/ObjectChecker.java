package dev.dirsync.core.rules.internal;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.CheckResult;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.core.rules.Profile;
import dev.dirsync.core.rules.RuleSettings;
import dev.dirsync.core.rules.ValueOwners;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one profile's attribute rules, the duplicate index and the policy over objects in read
 * order. One instance spans one run; not thread-safe.
 */
public final class ObjectChecker {
    private static final int EXPECTED_INDEXED_VALUES = 1 << 16;

    private final List<AttributeRules> rules;
    private final DuplicateDetector duplicates;
    private final ProposedActions proposedActions;
    private final PolicyApplier policy;

    public ObjectChecker(RuleSettings settings, ValueOwners owners) {
        AddressCheck addressCheck = new AddressCheck(
                new AddressRules(settings.topLevelDomains(), settings.upnSuffix()),
                new UnverifiedDomainRule(settings.verifiedDomains(), settings.upnSuffix()));
        this.rules = RuleSet.of(settings.profile(), addressCheck, settings.upnSuffix());
        this.duplicates = new DuplicateDetector(
                new DuplicateIndex(EXPECTED_INDEXED_VALUES), settings.profile() == Profile.MULTI_TENANT, owners);
        this.proposedActions = new ProposedActions(addressCheck);
        this.policy = new PolicyApplier(settings.policy(), settings.upnSuffix());
    }

    public CheckResult check(SourceEntry entry) {
        CheckedEntry checked = CheckedEntry.of(entry);
        List<ValueCheck> checks = new ArrayList<>();
        for (AttributeRules family : rules) {
            family.check(checked, checks);
        }
        duplicates.mark(checked, checks);
        List<IndexedFinding> indexed = null;
        for (ValueCheck check : checks) {
            if (check.failed()) {
                if (indexed == null) {
                    indexed = new ArrayList<>();
                }
                indexed.add(new IndexedFinding(check.index(), findingOf(check, checks)));
            }
        }
        if (indexed == null) {
            return CheckResult.clean(entry);
        }
        PolicyApplier.Verdict verdict = policy.apply(entry.attributes(), indexed);
        List<Finding> findings = new ArrayList<>(indexed.size());
        indexed.forEach(found -> findings.add(found.finding()));
        return new CheckResult(entry, findings, verdict.blocked(), verdict.effective());
    }

    private Finding findingOf(ValueCheck check, List<ValueCheck> checks) {
        return new Finding(
                check.attribute(),
                check.original(),
                check.classes(),
                check.current(),
                proposedActions.actionFor(check, checks),
                check.detail());
    }
}
