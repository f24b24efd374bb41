/**
 * Writing approved cleanup-report fixes back to the directory, as pure decisions: what a report row
 * means ({@link dev.dirsync.core.fix.FixPlanner}), whether it still applies to the values re-read
 * and what reverses it ({@link dev.dirsync.core.fix.ChangeCheck}). The directory itself is reached
 * through {@link dev.dirsync.core.port.DirectoryWriter}.
 */
package dev.dirsync.core.fix;
