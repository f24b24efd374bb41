/**
 * The LDAP / Active Directory {@link dev.dirsync.core.port.DirectorySource}: settings
 * ({@link dev.dirsync.ldap.LdapSourceSettings}, {@link dev.dirsync.ldap.LdapTlsSettings}), the source itself
 * ({@link dev.dirsync.ldap.LdapDirectorySource}) and the factory that also opens embedded
 * directories ({@link dev.dirsync.ldap.LdapDirectorySources}).
 */
package dev.dirsync.ldap;
