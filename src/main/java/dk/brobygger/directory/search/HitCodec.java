package dk.brobygger.directory.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;

import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * What a result list shows of one offer, as one compact binary value in the index. Read as a doc
 * value it costs a lookup per hit, where stored fields decompress a whole block of documents for
 * each (measured: 5-12 % of a search's CPU at 100,000 offers).
 */
final class HitCodec {

    private static final int FREE = 1;
    private static final int WHEELCHAIR = 2;
    private static final int TRANSPORT = 4;
    private static final int ACCOMPANIMENT = 8;
    private static final long NO_DATE = Long.MIN_VALUE;

    private HitCodec() {
    }

    static byte[] encode(IndexedOffer offer, String summary) {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeLong(offer.id().getMostSignificantBits());
            out.writeLong(offer.id().getLeastSignificantBits());
            out.writeUTF(offer.name());
            out.writeUTF(offer.organizationName());
            out.writeUTF(summary);
            out.writeUTF(offer.district());
            out.writeUTF(offer.address());
            out.writeUTF(offer.postalCode());
            out.writeUTF(offer.city());
            out.writeByte(offer.supportLevel().ordinal());
            out.writeByte(offer.status().ordinal());
            out.writeByte((offer.freeOfCharge() ? FREE : 0) | (offer.wheelchairAccess() ? WHEELCHAIR : 0)
                    | (offer.transportOffered() ? TRANSPORT : 0) | (offer.accompaniment() ? ACCOMPANIMENT : 0));
            out.writeLong(offer.assuredDate().toEpochDay());
            out.writeDouble(offer.latitude());
            out.writeDouble(offer.longitude());
            out.writeShort(offer.schedules().size());
            for (WeeklySchedule schedule : offer.schedules()) {
                out.writeByte(schedule.weekday().ordinal());
                out.writeInt(schedule.opensAt().toSecondOfDay());
                out.writeInt(schedule.closesAt().toSecondOfDay());
                out.writeByte(schedule.weekInterval());
                out.writeLong(schedule.validFrom() == null ? NO_DATE : schedule.validFrom().toEpochDay());
                out.writeLong(schedule.validTo() == null ? NO_DATE : schedule.validTo().toEpochDay());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The hit, with its distance from {@code origin} (latitude, longitude) if one is given. */
    static OfferHit decode(BytesRef value, double @Nullable [] origin) {
        try (var in = new DataInputStream(new ByteArrayInputStream(value.bytes, value.offset, value.length))) {
            var id = new UUID(in.readLong(), in.readLong());
            String name = in.readUTF();
            String organization = in.readUTF();
            String summary = in.readUTF();
            String district = in.readUTF();
            String address = in.readUTF();
            String postalCode = in.readUTF();
            String city = in.readUTF();
            SupportLevel level = SupportLevel.values()[in.readByte()];
            OfferStatus status = OfferStatus.values()[in.readByte()];
            int flags = in.readByte();
            LocalDate assured = LocalDate.ofEpochDay(in.readLong());
            double latitude = in.readDouble();
            double longitude = in.readDouble();
            int count = in.readShort();
            List<WeeklySchedule> schedules = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                schedules.add(new WeeklySchedule(DayOfWeek.values()[in.readByte()],
                        LocalTime.ofSecondOfDay(in.readInt()), LocalTime.ofSecondOfDay(in.readInt()), in.readByte(),
                        date(in.readLong()), date(in.readLong())));
            }
            Double distance = origin == null ? null
                    : Places.distanceKm(origin[0], origin[1], latitude, longitude);
            return new OfferHit(id, name, organization, summary, district, address, postalCode, city, level, status,
                    (flags & FREE) != 0, (flags & WHEELCHAIR) != 0, (flags & TRANSPORT) != 0,
                    (flags & ACCOMPANIMENT) != 0, List.copyOf(schedules), assured, distance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable LocalDate date(long epochDay) {
        return epochDay == NO_DATE ? null : LocalDate.ofEpochDay(epochDay);
    }
}
