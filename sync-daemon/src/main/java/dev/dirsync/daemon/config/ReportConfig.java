package dev.dirsync.daemon.config;

import java.nio.file.Path;

/** {@code report.*}: where sync and check runs write the cleanup report. */
public record ReportConfig(Path directory) {}
