package dk.brobygger.directory.importing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dk.brobygger.access.Users;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;

/**
 * Masseimport: municipal editors upload many offers at once as CSV or HSDS JSON. Every row is
 * checked first; if any is refused, nothing is saved and the editor sees why, row by row.
 */
@Controller
@RequestMapping("/redaktion/import")
class ImportPages {

    /** A refused row as shown in the report. */
    record ReportLine(int row, String field, String reason) {
    }

    private final CsvOffers csv;
    private final HsdsOffers hsds;
    private final OfferImport offerImport;
    private final Users users;
    private final MessageSource messages;

    ImportPages(CsvOffers csv, HsdsOffers hsds, OfferImport offerImport, Users users, MessageSource messages) {
        this.csv = csv;
        this.hsds = hsds;
        this.offerImport = offerImport;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("columns", CsvOffers.COLUMNS);
        model.addAttribute("required", CsvOffers.REQUIRED);
        return "directory/importing/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "fil", required = false) MultipartFile upload, Model model, Locale locale)
            throws IOException {
        form(model);
        if (upload == null || upload.isEmpty()) {
            model.addAttribute("fileProblem", "importing.file.empty");
            return "directory/importing/import";
        }
        String text = decode(upload.getBytes());
        if (text.isBlank()) {
            model.addAttribute("fileProblem", "importing.file.empty");
            return "directory/importing/import";
        }
        ImportFile file;
        try {
            char first = text.strip().charAt(0);
            file = first == '[' || first == '{' ? hsds.read(text) : csv.read(text);
        } catch (JacksonException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            model.addAttribute("fileProblem", "importing.file.unreadable");
            return "directory/importing/import";
        }
        model.addAttribute("fileName", upload.getOriginalFilename());
        if (!file.rejections().isEmpty()) {
            model.addAttribute("report", file.rejections().stream().map(rejection -> new ReportLine(rejection.row(),
                    rejection.field(), messages.getMessage("importing.row", new Object[] {rejection.row(),
                            messages.getMessage(rejection.messageKey(), rejection.arguments(), locale)}, locale)))
                    .toList());
            return "directory/importing/import";
        }
        if (file.lines().isEmpty()) {
            model.addAttribute("fileProblem", "importing.file.noOffers");
            return "directory/importing/import";
        }
        model.addAttribute("imported", offerImport.save(file, users.currentOrFail().username()));
        return "directory/importing/import";
    }

    /** UTF-8 with or without BOM; a file that is not UTF-8 is read as Windows-1252, which older Excel writes. */
    private static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("windows-1252"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
