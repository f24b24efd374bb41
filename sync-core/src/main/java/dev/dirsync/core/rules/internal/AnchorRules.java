package dev.dirsync.core.rules.internal;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.ErrorClass;
import java.util.List;

/**
 * Anchor, on an object the source found no usable anchor on (none of the anchor attributes, or a
 * malformed one): one finding on the attribute the source names, with its value and the reason.
 * The object is never exported (the class always blocks).
 */
final class AnchorRules implements AttributeRules {

    @Override
    public void check(CheckedEntry entry, List<ValueCheck> out) {
        SourceEntry.AnchorProblem problem = entry.entry().anchorProblem();
        if (problem == null) {
            return;
        }
        ValueCheck check = new ValueCheck(problem.attribute(), 0, problem.value());
        check.fail(ErrorClass.ANCHOR);
        check.detail(problem.reason());
        out.add(check);
    }
}
