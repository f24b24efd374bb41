/**
 * The SCIM service's workings: HTTP edge, routing, validation, PATCH, bulk and its own user store.
 * Not an API; only {@link dev.dirsync.emulator.scim.ScimService} is.
 */
package dev.dirsync.emulator.scim.internal;
