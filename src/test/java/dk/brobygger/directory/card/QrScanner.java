package dk.brobygger.directory.card;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.openpdf.text.pdf.PRStream;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;

/**
 * Reads QR codes back the way a phone would: the drawing (SVG path on the page, rectangles in the
 * PDF) is painted onto an image and decoded by ZXing, so a test checks what is actually drawn.
 */
final class QrScanner {

    private static final int PIXELS_PER_MODULE = 4;
    private static final Pattern SVG_PATH = Pattern.compile("<path fill=\"#000000\" d=\"([^\"]*)\"");
    private static final Pattern SVG_VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern SVG_RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\d+z");
    private static final Pattern PDF_RECTANGLE = Pattern.compile("([\\d.]+) ([\\d.]+) ([\\d.]+) 1 re");

    private QrScanner() {
    }

    /** The text of the QR code drawn as inline SVG in an HTML page. */
    static String scanSvg(String html) {
        Matcher viewBox = SVG_VIEW_BOX.matcher(html);
        Matcher path = SVG_PATH.matcher(html);
        if (!viewBox.find() || !path.find()) {
            throw new AssertionError("No QR code SVG on the page");
        }
        int size = Integer.parseInt(viewBox.group(1));
        var image = blank(size);
        Matcher run = SVG_RUN.matcher(path.group(1));
        while (run.find()) {
            paint(image, Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)), Integer.parseInt(run.group(3)));
        }
        return decode(image);
    }

    /** The text of the QR code drawn as vector rectangles in the first page's form XObject. */
    static String scanPdf(byte[] pdf) {
        try {
            var reader = new PdfReader(pdf);
            PdfDictionary xObjects = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.XOBJECT);
            for (PdfName name : xObjects.getKeys()) {
                var form = (PRStream) PdfReader.getPdfObject(xObjects.get(name));
                int size = (int) form.getAsArray(PdfName.BBOX).getAsNumber(2).floatValue();
                String content = new String(PdfReader.getStreamBytes(form), StandardCharsets.ISO_8859_1);
                var image = blank(size);
                Matcher rectangle = PDF_RECTANGLE.matcher(content);
                while (rectangle.find()) {
                    int x = (int) Float.parseFloat(rectangle.group(1));
                    int yFromBottom = (int) Float.parseFloat(rectangle.group(2));
                    paint(image, x, size - 1 - yFromBottom, (int) Float.parseFloat(rectangle.group(3)));
                }
                return decode(image);
            }
            throw new AssertionError("No QR code drawing in the PDF");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage blank(int modules) {
        var image = new BufferedImage(modules * PIXELS_PER_MODULE, modules * PIXELS_PER_MODULE, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.dispose();
        return image;
    }

    private static void paint(BufferedImage image, int x, int y, int width) {
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.BLACK);
        graphics.fillRect(x * PIXELS_PER_MODULE, y * PIXELS_PER_MODULE, width * PIXELS_PER_MODULE, PIXELS_PER_MODULE);
        graphics.dispose();
    }

    private static String decode(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("The QR code cannot be read", e);
        }
    }
}
