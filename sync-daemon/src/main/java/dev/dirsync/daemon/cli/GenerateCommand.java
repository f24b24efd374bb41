package dev.dirsync.daemon.cli;

import dev.dirsync.daemon.demo.DirectoryGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Writes a synthetic Active Directory-shaped directory as LDIF, for trials and benchmarks.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--users", defaultValue = "250", description = "Number of people (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clean", description = "Leave out the dirty data.")
    boolean clean;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "The LDIF file to write.")
    Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            DirectoryGenerator.write(writer, users, seed, !clean);
        }
        spec.commandLine().getOut().println("wrote " + users + " people to " + output);
        return ExitCode.OK;
    }
}
