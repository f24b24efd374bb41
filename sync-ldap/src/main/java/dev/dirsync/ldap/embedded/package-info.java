/**
 * An in-process directory that answers like Active Directory, loaded from LDIF, for demos and
 * tests: {@link dev.dirsync.ldap.embedded.EmbeddedDirectory}.
 */
package dev.dirsync.ldap.embedded;
