package dk.brobygger.directory.card;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code as a square of dark and light modules, quiet zone included, ready to be drawn as
 * vectors (SVG on the page, rectangles in the PDF) so it stays sharp at any print size.
 */
public final class QrCode {

    /** The light border a scanner needs around the code, in modules (ISO/IEC 18004). */
    static final int QUIET_ZONE = 4;

    private final boolean[][] dark;

    private QrCode(boolean[][] dark) {
        this.dark = dark;
    }

    /**
     * Encodes text with error correction level M (15 %), enough for a card that gets a little worn.
     *
     * @throws IllegalArgumentException if the text is too long for a QR code
     */
    public static QrCode of(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            ByteMatrix matrix = Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
            int size = matrix.getWidth() + 2 * QUIET_ZONE;
            boolean[][] dark = new boolean[size][size];
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    dark[y + QUIET_ZONE][x + QUIET_ZONE] = matrix.get(x, y) == 1;
                }
            }
            return new QrCode(dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + text.length() + " characters as a QR code", e);
        }
    }

    /** Modules per side, quiet zone included. */
    public int size() {
        return dark.length;
    }

    public boolean isDark(int x, int y) {
        return dark[y][x];
    }

    /**
     * Calls back once per horizontal run of dark modules, so a drawing needs one rectangle per run
     * rather than per module.
     */
    public void forEachDarkRun(RunConsumer consumer) {
        for (int y = 0; y < size(); y++) {
            int x = 0;
            while (x < size()) {
                if (!dark[y][x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size() && dark[y][x]) {
                    x++;
                }
                consumer.run(start, y, x - start);
            }
        }
    }

    /** SVG path data in module units, for {@code <svg viewBox="0 0 size size">}. */
    public String svgPath() {
        var path = new StringBuilder();
        forEachDarkRun((x, y, width) -> path.append('M').append(x).append(',').append(y)
                .append('h').append(width).append("v1h-").append(width).append('z'));
        return path.toString();
    }

    /** One horizontal run of dark modules. */
    @FunctionalInterface
    public interface RunConsumer {
        void run(int x, int y, int width);
    }
}
