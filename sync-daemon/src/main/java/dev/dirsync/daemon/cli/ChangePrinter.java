package dev.dirsync.daemon.cli;

import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import dev.dirsync.core.rules.CheckResult;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.EnumSet;

/**
 * Prints planned changes attribute by attribute (dry run) and failed objects (every run). Never
 * prints passwords: the initial password is made by the connector at export time.
 */
final class ChangePrinter implements SyncListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean printPlanned;

    ChangePrinter(PrintWriter out, PrintWriter err, boolean printPlanned) {
        this.out = out;
        this.err = err;
        this.printPlanned = printPlanned;
    }

    @Override
    public void planned(Change change) {
        if (!printPlanned) {
            return;
        }
        if (change instanceof Change.Create create) {
            out.println("create " + label(create.user()) + " [" + create.anchor() + "]");
            print(create.user(), EnumSet.allOf(MailUserField.class), true);
        } else if (change instanceof Change.Update update) {
            out.println("update " + label(update.user()) + " [" + update.anchor() + "] id=" + update.cloudId());
            print(update.user(), update.changed(), false);
        } else if (change instanceof Change.Remove remove) {
            out.println("remove [" + remove.anchor() + "] id=" + remove.cloudId());
        }
    }

    @Override
    public void blocked(CheckResult result) {
        if (printPlanned) {
            out.println(
                    "blocked " + result.entry().dn() + ": " + result.findings().size() + " blocking finding(s)");
        }
    }

    @Override
    public void applied(ChangeResult result) {
        if (!result.succeeded()) {
            String who = result.change() instanceof Change.Remove
                    ? result.change().anchor().value()
                    : label(userOf(result.change()));
            err.println("failed: " + who + " [" + result.change().anchor() + "]: "
                    + result.outcome().name().toLowerCase() + " "
                    + (result.errorCode() == null ? "" : result.errorCode() + " ") + result.message());
        }
    }

    private void print(MailUser user, Collection<MailUserField> fields, boolean skipAbsent) {
        for (MailUserField field : fields) {
            Object value = field.valueOf(user);
            boolean absent = value == null || (value instanceof Collection<?> c && c.isEmpty());
            if (skipAbsent && absent) {
                continue;
            }
            out.println("    " + field.graphName() + " = " + (absent ? "(cleared)" : format(value)));
        }
    }

    private static String format(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }

    private static MailUser userOf(Change change) {
        if (change instanceof Change.Create create) {
            return create.user();
        }
        return ((Change.Update) change).user();
    }

    private static String label(MailUser user) {
        return user.userPrincipalName() != null ? user.userPrincipalName() : String.valueOf(user.displayName());
    }
}
