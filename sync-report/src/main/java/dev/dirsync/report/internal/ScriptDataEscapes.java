package dev.dirsync.report.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes for data inside an HTML {@code <script>} element. Every {@code <} becomes
 * {@code \u003C}: escaping only {@code </} (as {@code <\/}) would still let a value holding
 * {@code <!--<script} switch the parser into the "double escaped" state, where our closing
 * {@code </script>} no longer ends the element. {@code >} and {@code &} are escaped alike, and
 * U+2028/U+2029, which older JavaScript parsers treat as line ends.
 */
final class ScriptDataEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final ScriptDataEscapes INSTANCE = new ScriptDataEscapes();

    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private final int[] asciiEscapes;

    private ScriptDataEscapes() {
        asciiEscapes = standardAsciiEscapesForJSON();
        asciiEscapes['<'] = ESCAPE_STANDARD;
        asciiEscapes['>'] = ESCAPE_STANDARD;
        asciiEscapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case 0x2028 -> LINE_SEPARATOR;
            case 0x2029 -> PARAGRAPH_SEPARATOR;
            default -> null;
        };
    }
}
