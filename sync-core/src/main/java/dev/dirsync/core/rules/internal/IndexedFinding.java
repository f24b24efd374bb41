package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.Finding;

/** A finding with the position of its value among the attribute's values. */
record IndexedFinding(int index, Finding finding) {}
