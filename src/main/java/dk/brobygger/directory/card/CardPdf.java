package dk.brobygger.directory.card;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The community card as a one-page A6 PDF (a postcard, 105 × 148 mm): big enough for large type
 * and a QR code an older phone camera reads at arm's length, small enough to leave on a table;
 * four fit on an A4 sheet. Text is Helvetica in Windows-1252, which covers æ, ø and å; the QR code
 * is drawn as vector rectangles so it stays sharp at any print size.
 */
@Component
class CardPdf {

    private static final float MARGIN = 22;
    private static final float QR_SIZE = 125;
    /** A long pre-filter may not fit at full size; the card is shrunk step by step to stay on one page. */
    private static final List<Float> SCALES = List.of(1f, .85f, .7f, .55f);

    private final MessageSource messages;
    private final BaseFont regular;
    private final BaseFont bold;

    CardPdf(MessageSource messages) {
        this.messages = messages;
        try {
            this.regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            this.bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(CommunityCard card, Locale locale) {
        byte[] pdf = new byte[0];
        for (float scale : SCALES) {
            pdf = render(card, locale, scale);
            if (pages(pdf) == 1) {
                return pdf;
            }
        }
        return pdf;
    }

    private byte[] render(CommunityCard card, Locale locale, float scale) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A6, MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(message("card.pdf.title", locale, card.municipality()));
            document.addSubject(card.filterDescription());
            document.addAuthor(card.municipality());
            document.addCreator("Brobygger");
            document.open();
            float width = document.right() - document.left();

            document.add(paragraph(card.municipality(), regular, 10 * scale, 0));
            document.add(paragraph(message("card.portal", locale), bold, 20 * scale, 2 * scale));
            document.add(paragraph(message("card.invitation", locale), regular, 10 * scale, 6 * scale));
            document.add(paragraph(card.filterDescription(), bold, 12 * scale, 8 * scale));

            Image qr = Image.getInstance(qrTemplate(writer.getDirectContent(), card.qrCode()));
            qr.scaleAbsolute(QR_SIZE * scale, QR_SIZE * scale);
            qr.setAlignment(Image.MIDDLE);
            qr.setAlt(message("card.qr.alt", locale, card.searchUrl()));
            qr.setSpacingBefore(4 * scale);
            document.add(qr);

            document.add(paragraph(message("card.scan", locale), regular, 9 * scale, 0));
            document.add(paragraph(message("card.orVisit", locale), regular, 10 * scale, 8 * scale));
            float addressSize = Math.min(22 * scale, 22 * width / Math.max(width, bold.getWidthPoint(card.portalAddress(), 22)));
            document.add(paragraph(card.portalAddress(), bold, addressSize, 0));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not make the community card PDF", e);
        }
        return out.toByteArray();
    }

    private static PdfTemplate qrTemplate(PdfContentByte canvas, QrCode code) {
        int size = code.size();
        PdfTemplate template = canvas.createTemplate(size, size);
        template.setColorFill(Color.WHITE);
        template.rectangle(0, 0, size, size);
        template.fill();
        template.setColorFill(Color.BLACK);
        code.forEachDarkRun((x, y, width) -> template.rectangle(x, size - y - 1, width, 1));
        template.fill();
        return template;
    }

    private static Paragraph paragraph(String text, BaseFont font, float size, float spacingBefore) {
        var paragraph = new Paragraph(size * 1.3f, text, new Font(font, size));
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    private static int pages(byte[] pdf) {
        try {
            var reader = new PdfReader(pdf);
            try {
                return reader.getNumberOfPages();
            } finally {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
