package dk.brobygger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

/** An import reads every row it can and names the row where an unclosed quote stopped it. */
class CsvRecordsTests {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
            .get();

    @Test
    void aQuoteThatIsNeverClosedStopsTheReadingAtItsRowAndTheRowsBeforeItAreRead() throws IOException {
        List<String> read = new ArrayList<>();
        try (var parser = CSVParser.parse("navn;by\nStrik;Fjordlund\nKor;Strandby\n\"Bridge;Fjordlund\nSang;By\n", FORMAT)) {
            var stopped = CsvRecords.readEach(parser, (record, row) -> read.add(row + " " + record.get("navn")));

            assertThat(read).containsExactly("2 Strik", "3 Kor");
            assertThat(stopped).hasValue(4);
        }
    }

    @Test
    void aFileReadToTheEndStopsNowhere() throws IOException {
        try (var parser = CSVParser.parse("navn;by\n\"Strik; og kaffe\";Fjordlund\n", FORMAT)) {
            assertThat(CsvRecords.readEach(parser, (record, row) -> { })).isEmpty();
        }
    }
}
