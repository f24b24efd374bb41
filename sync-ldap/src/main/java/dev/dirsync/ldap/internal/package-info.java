/**
 * Implementation of the LDAP source and writer: connection handling, paged search, entry decoding,
 * error mapping, and sources and writers over an embedded directory. Not API: these classes may
 * change without notice; use {@code dev.dirsync.ldap} and {@code dev.dirsync.ldap.embedded}.
 */
package dev.dirsync.ldap.internal;
