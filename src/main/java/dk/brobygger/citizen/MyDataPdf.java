package dk.brobygger.citizen;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.brobygger.shared.MunicipalityProperties;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.HeaderFooter;
import org.openpdf.text.ListItem;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * "Download mine data" as a readable A4 PDF in Danish: a title, the date it was made, and one section
 * with a heading for each kind of data (record, network, consents, who works with the citizen, every
 * other module's part such as visits, scores and hospital events, who has seen the record). Helvetica in Windows-1252 covers æ, ø and å, like the community card.
 */
@Component
class MyDataPdf {

    private static final float MARGIN = 50;
    private static final Color MUTED = new Color(0x54, 0x54, 0x54);
    private static final Color RULE = new Color(0xbf, 0xbf, 0xbf);

    private final MessageSource messages;
    private final MunicipalityProperties municipality;
    private final Font title;
    private final Font heading;
    private final Font body;
    private final Font bold;
    private final Font small;

    MyDataPdf(MessageSource messages, MunicipalityProperties municipality) {
        this.messages = messages;
        this.municipality = municipality;
        try {
            BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            BaseFont strong = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            this.title = new Font(strong, 22);
            this.heading = new Font(strong, 15);
            this.body = new Font(regular, 10.5f);
            this.bold = new Font(strong, 10.5f);
            this.small = new Font(regular, 9, Font.NORMAL, MUTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(MyData.Export export, Map<String, String> names, Locale locale) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
            Citizen citizen = export.citizen();
            document.addTitle(text("mydata.pdf.title", locale) + " – " + citizen.name());
            document.addAuthor(municipality.name());
            document.addCreator("Brobygger");
            document.setDocumentLanguage(locale.getLanguage());
            var footer = new HeaderFooter(new Phrase(text("mydata.pdf.footer", locale, citizen.name()) + " – "
                    + text("mydata.pdf.page", locale) + " ", small), true);
            footer.setAlignment(Element.ALIGN_CENTER);
            footer.setBorder(Rectangle.NO_BORDER);
            document.setFooter(footer);
            document.open();

            document.add(new Paragraph(text("mydata.pdf.title", locale), title));
            document.add(paragraph(municipality.name() + " · " + citizen.name(), bold, 4));
            document.add(paragraph(text("mydata.pdf.made", locale, dateTime(export.madeAt(), locale)), small, 2));
            document.add(paragraph(text("mydata.pdf.lead", locale), body, 10));

            record(document, citizen, names, locale);
            network(document, export, locale);
            consents(document, export, names, locale);
            relations(document, export, locale);
            export.parts().forEach(part -> part(document, part, locale));
            accesses(document, export, locale);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not make the PDF of the citizen's data", e);
        }
        return out.toByteArray();
    }

    private void record(Document document, Citizen citizen, Map<String, String> names, Locale locale) {
        section(document, "mydata.record", locale);
        var table = table(new float[] {1, 2.4f});
        row(table, text("citizen.name", locale), citizen.name());
        row(table, text("mydata.cpr", locale), citizen.cpr().formatted());
        row(table, text("citizen.birthDate", locale), date(citizen.birthDate(), locale));
        row(table, text("citizen.address", locale), joined(citizen.address().street(), citizen.address().postcode()));
        row(table, text("citizen.district", locale), citizen.district() == null ? null : citizen.district().code());
        row(table, text("citizen.phone", locale), citizen.contact().phone());
        row(table, text("citizen.email", locale), citizen.contact().email());
        row(table, text("citizen.livingSituation", locale),
                citizen.livingSituation() == null ? null : text(citizen.livingSituation().messageKey(), locale));
        row(table, text("citizen.language", locale), citizen.circumstances().language() == null
                ? text("citizen.language.danish", locale) : citizen.circumstances().language());
        row(table, text("mydata.interpreter", locale),
                text(citizen.circumstances().needsInterpreter() ? "mydata.yes" : "mydata.no", locale));
        row(table, text("citizen.transportNotes", locale), citizen.circumstances().transportNotes());
        row(table, text("mydata.created", locale),
                text("mydata.byOn", locale, names.getOrDefault(citizen.createdBy(), citizen.createdBy()),
                        dateTime(citizen.createdAt(), locale)));
        row(table, text("mydata.updated", locale),
                text("mydata.byOn", locale, names.getOrDefault(citizen.updatedBy(), citizen.updatedBy()),
                        dateTime(citizen.updatedAt(), locale)));
        add(document, table);
    }

    private void network(Document document, MyData.Export export, Locale locale) {
        section(document, "mydata.network", locale);
        if (export.network().isEmpty()) {
            document.add(paragraph(text("mydata.network.none", locale), body, 0));
            return;
        }
        var table = table(new float[] {1.4f, 1.4f, 1, 1, 1.6f});
        header(table, locale, "network.name", "mydata.network.role", "network.kind", "network.closeness", "network.contact");
        for (var member : export.network()) {
            cells(table, member.name(), member.role(), text("network.kind." + member.kind(), locale),
                    text("network.closeness." + member.closeness(), locale), joined(member.phone(), member.email()));
        }
        add(document, table);
    }

    private void consents(Document document, MyData.Export export, Map<String, String> names, Locale locale) {
        section(document, "mydata.consents", locale);
        if (export.consents().isEmpty()) {
            document.add(paragraph(text("mydata.consents.none", locale), body, 0));
            return;
        }
        LocalDate today = LocalDate.ofInstant(export.madeAt(), MyDataPages.DANISH_TIME);
        for (var consent : export.consents()) {
            String party = text(consent.party().messageKey(), locale)
                    + (consent.partyName() == null ? "" : " (" + consent.partyName() + ")");
            String status = consent.withdrawnAt() != null ? "mydata.consent.status.withdrawn"
                    : consent.isInForceOn(today) ? "mydata.consent.status.active" : "mydata.consent.status.expired";
            document.add(paragraph(StringUtils.capitalize(party) + " – " + text(status, locale), bold, 8));
            var table = table(new float[] {1, 2.4f});
            row(table, text("mydata.consent.scope", locale), consent.scope());
            row(table, text("mydata.consent.given", locale), date(consent.givenOn(), locale));
            row(table, text("mydata.consent.recordedBy", locale),
                    names.getOrDefault(consent.recordedBy(), consent.recordedBy()));
            row(table, text("mydata.consent.validUntil", locale), consent.validUntil() == null
                    ? text("mydata.consent.untilWithdrawn", locale) : date(consent.validUntil(), locale));
            if (consent.withdrawnAt() != null) {
                row(table, text("mydata.consent.withdrawn", locale), text("mydata.byOn", locale,
                        names.getOrDefault(consent.withdrawnBy(), consent.withdrawnBy()),
                        dateTime(consent.withdrawnAt(), locale)));
            }
            add(document, table);
        }
    }

    private void relations(Document document, MyData.Export export, Locale locale) {
        section(document, "mydata.relations", locale);
        if (export.relations().isEmpty()) {
            document.add(paragraph(text("mydata.relations.none", locale), body, 0));
            return;
        }
        var table = table(new float[] {1.5f, 2, 1, 1});
        header(table, locale, "mydata.relation.who", "mydata.relation.reason", "mydata.relation.since",
                "mydata.relation.ended");
        for (var relation : export.relations()) {
            String who = relation.team() != null ? text("mydata.relation.team", locale, relation.team())
                    : relation.displayName() != null ? relation.displayName() : relation.username();
            cells(table, who, relation.reason(), date(LocalDate.ofInstant(relation.since(), MyDataPages.DANISH_TIME), locale),
                    relation.endedAt() == null ? text("mydata.relation.active", locale)
                            : date(LocalDate.ofInstant(relation.endedAt(), MyDataPages.DANISH_TIME), locale));
        }
        add(document, table);
    }

    /** A module's part: its title, then each record as a small table of named values. */
    private void part(Document document, CitizenContribution.ExportPart part, Locale locale) {
        section(document, part.titleKey(), locale);
        if (part.records().isEmpty()) {
            document.add(paragraph(text("mydata.part.none", locale), body, 0));
            return;
        }
        for (var record : part.records()) {
            var table = table(new float[] {1, 2.4f});
            record.forEach((name, value) -> row(table,
                    messages.getMessage("mydata.field." + name, null, name, locale), value(value, locale)));
            add(document, table);
        }
    }

    private @Nullable String value(@Nullable Object value, Locale locale) {
        return switch (value) {
            case null -> null;
            case Boolean yes -> text(yes ? "mydata.yes" : "mydata.no", locale);
            case LocalDate day -> date(day, locale);
            case Instant at -> dateTime(at, locale);
            case java.time.LocalDateTime at -> DateTimeFormatter.ofPattern(text("mydata.dateTimeFormat", locale), locale)
                    .format(at);
            default -> value.toString();
        };
    }

    private void accesses(Document document, MyData.Export export, Locale locale) {
        section(document, "mine.accesses", locale);
        if (export.accesses().isEmpty()) {
            document.add(paragraph(text("mine.accesses.none", locale), body, 0));
            return;
        }
        var list = new org.openpdf.text.List(org.openpdf.text.List.UNORDERED);
        list.setListSymbol("•  ");
        for (var access : export.accesses()) {
            var item = new ListItem(14, access.sentence(messages, locale), body);
            item.setSpacingAfter(3);
            list.add(item);
        }
        document.add(list);
    }

    private void section(Document document, String key, Locale locale) {
        var paragraph = new Paragraph(text(key, locale), heading);
        paragraph.setSpacingBefore(18);
        paragraph.setSpacingAfter(6);
        document.add(paragraph);
    }

    private static PdfPTable table(float[] widths) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(2);
        table.setSpacingAfter(4);
        return table;
    }

    private void header(PdfPTable table, Locale locale, String... keys) {
        for (String key : keys) {
            table.addCell(cell(text(key, locale), bold));
        }
        table.setHeaderRows(1);
    }

    private void row(PdfPTable table, String label, @Nullable String value) {
        table.addCell(cell(label, bold));
        table.addCell(cell(value == null || value.isBlank() ? "–" : value, body));
    }

    private void cells(PdfPTable table, @Nullable String... values) {
        for (String value : values) {
            table.addCell(cell(value == null || value.isBlank() ? "–" : value, body));
        }
    }

    private static PdfPCell cell(String text, Font font) {
        var cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        return cell;
    }

    private static void add(Document document, PdfPTable table) {
        document.add(table);
    }

    private static Paragraph paragraph(String text, Font font, float spacingBefore) {
        var paragraph = new Paragraph(text, font);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    private static @Nullable String joined(@Nullable String first, @Nullable String second) {
        String joined = String.join(" ", List.of(first == null ? "" : first, second == null ? "" : second)).strip();
        return joined.isEmpty() ? null : joined;
    }

    private String date(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofPattern("d. MMMM yyyy", locale).format(day);
    }

    private String dateTime(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern(text("mydata.dateTimeFormat", locale), locale)
                .format(at.atZone(MyDataPages.DANISH_TIME));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
