package dk.brobygger.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dk.brobygger.shared.SpreadsheetText;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes report tables as CSV (semicolon-separated with a BOM, as Danish Excel expects) and XLSX
 * (Apache POI). Cells go out exactly as shown on the page: suppressed counts stay "<5". Text cells
 * that a spreadsheet would read as a formula are prefixed with an apostrophe.
 */
@Component
class Exports {

    byte[] csv(Table table) {
        var bytes = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                var printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            writer.write('\uFEFF');
            printer.printRecord(table.headers().stream().map(SpreadsheetText::of).toList());
            for (var row : table.rows()) {
                printer.printRecord(row.stream().map(SpreadsheetText::of).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    byte[] xlsx(Table... tables) {
        try (var workbook = new XSSFWorkbook(); var bytes = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            int number = 1;
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(sheetName(table.title(), number++));
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(table.title());
                title.getCell(0).setCellStyle(bold);
                Row header = sheet.createRow(2);
                for (int column = 0; column < table.headers().size(); column++) {
                    header.createCell(column).setCellValue(table.headers().get(column));
                    header.getCell(column).setCellStyle(bold);
                }
                int rowNumber = 3;
                for (var values : table.rows()) {
                    Row row = sheet.createRow(rowNumber++);
                    for (int column = 0; column < values.size(); column++) {
                        String value = values.get(column);
                        if (value.matches("\\d{1,15}")) {
                            row.createCell(column).setCellValue(Long.parseLong(value));
                        } else {
                            row.createCell(column).setCellValue(value);
                        }
                    }
                }
                for (int column = 0; column < table.headers().size(); column++) {
                    sheet.setColumnWidth(column, 22 * 256);
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
    private static String sheetName(String title, int number) {
        String name = number + " " + title.replaceAll("[:\\\\/?*\\[\\]]", " ");
        return name.substring(0, Math.min(31, name.length()));
    }
}
