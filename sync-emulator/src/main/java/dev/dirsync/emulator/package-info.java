/**
 * The cloud emulator: a local stand-in for the part of Microsoft Graph dirsync uses, for the demo
 * and end-to-end tests. Start one with {@link dev.dirsync.emulator.CloudEmulator#start}, or run
 * {@link dev.dirsync.emulator.EmulatorMain} as a process of its own.
 */
package dev.dirsync.emulator;
