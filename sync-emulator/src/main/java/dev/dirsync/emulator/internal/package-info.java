/**
 * The emulator's workings: HTTP handlers, query parsing, validation, the user store and its file.
 * Not an API; only {@code dev.dirsync.emulator} is.
 */
package dev.dirsync.emulator.internal;
