/**
 * The cloud emulator's SCIM 2.0 stand-in, mounted under {@code /scim/v2}: see
 * {@link dev.dirsync.emulator.scim.ScimService}.
 */
package dev.dirsync.emulator.scim;
