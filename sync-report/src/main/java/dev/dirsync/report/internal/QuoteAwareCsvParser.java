package dev.dirsync.report.internal;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;

/**
 * Jackson's CSV parser, also telling whether the cell just read was quoted: Jackson takes a quote
 * inside an unquoted cell as text and keeps the quoting to itself, so the only way to refuse such a
 * cell is to ask its decoder.
 */
final class QuoteAwareCsvParser extends CsvParser {
    private QuoteAwareCsvParser(IOContext context, int features, int csvFeatures, ObjectCodec codec, Reader in) {
        super(context, features, csvFeatures, codec, in);
    }

    /** Whether the current cell was enclosed in quotes. */
    boolean cellQuoted() {
        return _reader.isCurrentTokenQuoted();
    }

    /** Creates {@link QuoteAwareCsvParser}s. */
    static final class Factory extends CsvFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public QuoteAwareCsvParser createParser(Reader in) throws IOException {
            return (QuoteAwareCsvParser) super.createParser(in);
        }

        @Override
        protected CsvParser _createParser(Reader in, IOContext context) {
            return new QuoteAwareCsvParser(context, _parserFeatures, _csvParserFeatures, _objectCodec, in);
        }
    }
}
