package dk.brobygger.shared;

import java.io.UncheckedIOException;
import java.util.OptionalInt;
import java.util.function.ObjIntConsumer;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of an imported spreadsheet (CSV) one at a time, for every import. A row the parser cannot read,
 * such as a cell whose opening quote is never closed, ends the reading there: the rows before it are read as
 * usual and the import reports that row (counted as a spreadsheet counts, the header being row 1), never a
 * server error.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    /**
     * Hands every record of the parser, in order, to {@code each} with its row (the first after the header is 2).
     *
     * @return the row at which a record could not be read, or empty when every record was read
     */
    public static OptionalInt readEach(CSVParser parser, ObjIntConsumer<CSVRecord> each) {
        var records = parser.iterator();
        int row = 1;
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return OptionalInt.empty();
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException unreadable) {
                // Commons CSV: "EOF reached before encapsulated token finished" and its kin.
                return OptionalInt.of(row + 1);
            }
            row++;
            each.accept(record, row);
        }
    }
}
