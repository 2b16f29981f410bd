package dk.brobygger.referral;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import dk.brobygger.access.Users;
import dk.brobygger.shared.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billede af den frivillige: the volunteer chooses to share a photo on their own page, so the citizen knows who will
 * meet them. Only a JPEG or PNG of at most {@value #MAX_BYTES} bytes is taken; it is re-encoded as a JPEG of at most
 * {@value #MAX_SIDE} pixels a side, which drops the file's metadata (camera, place). It is shown with need-to-know:
 * to the volunteer, to those who keep the volunteer (staff, the association's contacts for its own), and to the
 * citizen of a referral the volunteer said yes to go along on ({@link Volunteers#companionOf}); anonymising the volunteer deletes it; never publicly.
 */
@Service
class VolunteerPhotos {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_SIDE = 600;
    private static final int MAX_SOURCE_SIDE = 8000;

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final VolunteerReads reads;
    private final Users users;
    private final Clock clock;

    VolunteerPhotos(JdbcClient jdbc, Volunteers volunteers, VolunteerReads reads, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.reads = reads;
        this.users = users;
        this.clock = clock;
    }

    /** The logged-in volunteer shares (or replaces) their photo; refused in Danish for anything but a small image. */
    @Transactional
    void upload(byte[] file) {
        var me = volunteers.me();
        byte[] image = reencoded(file);
        jdbc.sql("DELETE FROM volunteer_photo WHERE volunteer_id = :id").param("id", me.id()).update();
        jdbc.sql("INSERT INTO volunteer_photo (volunteer_id, image, uploaded_at) VALUES (:id, :image, :now)")
                .param("id", me.id()).param("image", image).param("now", Timestamp.from(clock.instant())).update();
    }

    /** The logged-in volunteer no longer shares a photo. */
    @Transactional
    void remove() {
        jdbc.sql("DELETE FROM volunteer_photo WHERE volunteer_id = :id").param("id", volunteers.me().id()).update();
    }

    /** The logged-in volunteer's own photo. */
    @Transactional(readOnly = true)
    Optional<byte[]> mine() {
        return of(volunteers.me().id());
    }

    /** A volunteer's photo, for those who keep the volunteer (else not found); the volunteer sees they looked. */
    @Transactional
    Optional<byte[]> kept(UUID volunteer) {
        volunteers.photoSeen(volunteer);
        return of(volunteer);
    }

    /** Whether a volunteer the caller keeps (already checked by the page) shares a photo. */
    @Transactional(readOnly = true)
    boolean shared(UUID volunteer) {
        return jdbc.sql("SELECT COUNT(*) FROM volunteer_photo WHERE volunteer_id = :id").param("id", volunteer)
                .query(Integer.class).single() > 0;
    }

    /**
     * The photo of who goes with the logged-in citizen on one of their referrals, once the volunteer said yes; the
     * volunteer sees that the citizen they go with saw it, not who the citizen is.
     */
    @Transactional
    Optional<byte[]> companion(ReferralId referral) {
        return volunteers.companionOf(referral).flatMap(volunteer -> {
            var image = of(volunteer);
            image.ifPresent(shown -> reads.seen(volunteer, users.currentOrFail(), VolunteerReads.What.PHOTO));
            return image;
        });
    }

    private Optional<byte[]> of(UUID volunteer) {
        return jdbc.sql("SELECT image FROM volunteer_photo WHERE volunteer_id = :id").param("id", volunteer)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** A JPEG or PNG by its first bytes (not by what the browser says), decoded, scaled down and re-encoded. */
    static byte[] reencoded(byte[] file) {
        if (file.length == 0) {
            throw new DomainException("volunteer.photo.missing");
        }
        if (file.length > MAX_BYTES) {
            throw new DomainException("volunteer.photo.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        if (!isJpeg(file) && !isPng(file)) {
            throw new DomainException("volunteer.photo.type");
        }
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(file));
        } catch (IOException | RuntimeException e) {
            throw new DomainException("volunteer.photo.type");
        }
        if (source == null || source.getWidth() > MAX_SOURCE_SIDE || source.getHeight() > MAX_SOURCE_SIDE) {
            throw new DomainException("volunteer.photo.type");
        }
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        var scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(scaled, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException("Writing a JPEG to memory does not fail", e);
        }
        return out.toByteArray();
    }

    private static boolean isJpeg(byte[] file) {
        return file.length > 3 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xD8 && (file[2] & 0xFF) == 0xFF;
    }

    private static boolean isPng(byte[] file) {
        return file.length > 8 && (file[0] & 0xFF) == 0x89 && file[1] == 'P' && file[2] == 'N' && file[3] == 'G';
    }
}
