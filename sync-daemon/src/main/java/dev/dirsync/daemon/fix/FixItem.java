package dev.dirsync.daemon.fix;

import dev.dirsync.core.fix.RowPlan;

/**
 * One unit of work: a report row or an undo record, with what it asks for.
 *
 * @param row the line of the input file it starts on
 */
public record FixItem(int row, String dn, String attribute, RowPlan plan) {}
