/**
 * The cloud emulator: a local stand-in for the part of Microsoft Graph dirsync uses, for the demo
 * and end-to-end tests. Start one with {@link dev.dirsync.emulator.CloudEmulator#start}, or run
 * {@link dev.dirsync.emulator.EmulatorMain} as a process of its own.
 *
 * <p>Groups and organizational contacts exist only as holders of addresses (id, displayName, mail,
 * proxyAddresses) that dirsync reads through {@code GET /v1.0/groups} and {@code GET
 * /v1.0/contacts}. Graph offers no way to write those addresses (Exchange sets them, and v1.0
 * cannot create contacts), so the emulator offers none over HTTP either: a test seeds them with
 * {@link dev.dirsync.emulator.CloudEmulator#addGroup} and {@link
 * dev.dirsync.emulator.CloudEmulator#addContact}, and an emulator run as a process reads them from
 * its store file, next to the users:
 *
 * <pre>{@code
 * {"users": [...],
 *  "groups": [{"id": "...", "displayName": "Sales", "mail": "sales@contoso.example",
 *              "proxyAddresses": ["SMTP:sales@contoso.example", "smtp:team@contoso.example"]}],
 *  "contacts": [{"id": "...", "displayName": "Partner", "mail": "partner@fabrikam.example"}]}
 * }</pre>
 */
package dev.dirsync.emulator;
