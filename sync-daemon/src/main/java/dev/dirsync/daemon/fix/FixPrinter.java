package dev.dirsync.daemon.fix;

import java.io.PrintWriter;

/**
 * Prints one line per item as it is handled, then where the files are and the summary line:
 * <pre>
 * applied   line 2  CN=Anna Schmidt,OU=Staff,DC=corp,DC=example,DC=com  mailNickname: 'anna..s' -> 'anna.s'
 * skipped   line 3  CN=Ben Berger,OU=Staff,DC=corp,DC=example,DC=com  mail: mail is now 'b@x.com', not 'b@x'
 * </pre>
 */
public final class FixPrinter {
    private final PrintWriter out;

    public FixPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(RowOutcome outcome) {
        out.printf(
                "%-9s line %d  %s  %s: %s%n",
                outcome.kind().word(), outcome.row(), outcome.dn(), outcome.attribute(), outcome.detail());
    }

    public void finish(FixRunner.Outcome outcome) {
        if (outcome.applied()) {
            out.println("undo file: " + outcome.undoFile().map(String::valueOf).orElse("none (nothing was changed)"));
            outcome.resultFile().ifPresent(file -> out.println("result file: " + file));
        } else {
            int planned = outcome.summary().count(RowOutcome.Kind.PLANNED);
            out.println(
                    planned == 0
                            ? "dry run: nothing was written, and there is nothing to change"
                            : "dry run: nothing was written; run again with --apply to make the " + planned
                                    + " change(s) listed");
        }
        out.println(outcome.summary().line(outcome.applied()));
        out.flush();
    }
}
