/**
 * Implementation of the embedded directory: LDIF loading and the {@code objectCategory} shorthand
 * Active Directory answers. Not API; depends on nothing else in {@code dev.dirsync.ldap}.
 */
package dev.dirsync.ldap.embedded.internal;
