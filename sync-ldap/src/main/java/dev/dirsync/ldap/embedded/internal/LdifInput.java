package dev.dirsync.ldap.embedded.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** LDIF content to load into an embedded directory: a UTF-8 file or text. */
public sealed interface LdifInput permits LdifInput.File, LdifInput.Text {

    /** A fresh reader positioned at the start of the content. */
    BufferedReader open() throws IOException;

    /** How messages name this input. */
    String describe();

    record File(Path path) implements LdifInput {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public BufferedReader open() throws IOException {
            return Files.newBufferedReader(path, StandardCharsets.UTF_8);
        }

        @Override
        public String describe() {
            return "LDIF file " + path;
        }
    }

    record Text(String ldif) implements LdifInput {
        public Text {
            Objects.requireNonNull(ldif, "ldif");
        }

        @Override
        public BufferedReader open() {
            return new BufferedReader(new StringReader(ldif));
        }

        @Override
        public String describe() {
            return "LDIF text";
        }

        @Override
        public String toString() {
            return "LdifInput.Text[" + ldif.length() + " characters]";
        }
    }
}
