/**
 * Implementation of the LDAP source: connection handling, paged search, entry decoding, error
 * mapping and the Active Directory emulation of the embedded directory. Not API: these classes may
 * change without notice; use {@code dev.dirsync.ldap} and {@code dev.dirsync.ldap.embedded}.
 */
package dev.dirsync.ldap.internal;
