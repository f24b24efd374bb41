package dev.dirsync.daemon.fix;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.TrailingSpaceBehavior;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.fix.ValueChange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the LDIF an undo file holds: {@code changetype: modify} records, each changing values of
 * one attribute (value adds, value deletes and replaces), as {@code dirsync fix} writes them. The
 * LDAP SDK decodes them (folded lines, comments, base64 values, a leading {@code version: 1});
 * anything a replay cannot apply (other change types, controls, URL values, whole-attribute
 * deletes) is an error naming the file and line.
 */
final class UndoFileReader {
    private UndoFileReader() {}

    /** Every record of {@code file}, in file order. */
    static List<UndoRecord> read(Path file) {
        String source = "undo file " + file;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DirsyncException(source + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new DirsyncException(source + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new DirsyncException(source + " cannot be read: " + e.getMessage(), e);
        }
        return parse(source, lines);
    }

    /** Records of {@code lines} (without line ends); {@code source} names them in messages. */
    static List<UndoRecord> parse(String source, List<String> lines) {
        List<UndoRecord> records = new ArrayList<>();
        for (UndoRecordLines record : UndoRecordLines.split(source, lines)) {
            record.check();
            records.add(decode(record));
        }
        return records;
    }

    private static UndoRecord decode(UndoRecordLines lines) {
        LDIFModifyChangeRecord record = (LDIFModifyChangeRecord) changeRecord(lines);
        List<ValueChange> changes = new ArrayList<>();
        for (Modification modification : record.getModifications()) {
            ValueChange.Operation operation = UndoLdif.operation(modification.getModificationType());
            for (byte[] value : modification.getValueByteArrays()) {
                changes.add(new ValueChange(operation, utf8(value, lines)));
            }
        }
        return new UndoRecord(lines.dnLine(), record.getDN(), record.getModifications()[0].getAttributeName(), changes);
    }

    private static LDIFChangeRecord changeRecord(UndoRecordLines lines) {
        try {
            return LDIFReader.decodeChangeRecord(true, TrailingSpaceBehavior.RETAIN, null, false, lines.text());
        } catch (LDIFException e) {
            if (e.getCause() instanceof ParseException base64) {
                throw lines.error("the base64 value is not valid base64: " + base64.getMessage());
            }
            throw lines.error(lines.changes() ? e.getExceptionMessage() : "the record changes nothing");
        }
    }

    private static String utf8(byte[] value, UndoRecordLines lines) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            throw lines.error("the base64 value is not valid base64 of UTF-8 text");
        }
    }
}
