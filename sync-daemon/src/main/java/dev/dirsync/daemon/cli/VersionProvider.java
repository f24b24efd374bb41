package dev.dirsync.daemon.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = DirsyncCommand.class.getPackage().getImplementationVersion();
        return new String[] {"dirsync " + (version == null ? "development build" : version)};
    }
}
