package dk.brobygger.directory.offer;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A place where offers meet: address, district, coordinates and accessibility (HSDS location). */
@Table("location")
public class Location {

    @Id
    private final UUID id;
    private final UUID organizationId;
    private String name;
    private String address;
    private String postalCode;
    private String city;
    private String district;
    private double latitude;
    private double longitude;
    private boolean wheelchairAccess;
    private boolean hearingLoop;
    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Location(UUID id, UUID organizationId, String name, String address, String postalCode, String city,
            String district, double latitude, double longitude, boolean wheelchairAccess, boolean hearingLoop,
            @Nullable Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = name;
        this.address = address;
        this.postalCode = postalCode;
        this.city = city;
        this.district = district;
        this.latitude = latitude;
        this.longitude = longitude;
        this.wheelchairAccess = wheelchairAccess;
        this.hearingLoop = hearingLoop;
        this.version = version;
    }

    public static Location create(UUID organizationId, String name, String address, String postalCode, String city,
            String district, double latitude, double longitude, boolean wheelchairAccess, boolean hearingLoop) {
        return new Location(UUID.randomUUID(), organizationId, name, address, postalCode, city, district, latitude,
                longitude, wheelchairAccess, hearingLoop, null);
    }

    public UUID id() { return id; }
    public UUID organizationId() { return organizationId; }
    public String name() { return name; }
    public String address() { return address; }
    public String postalCode() { return postalCode; }
    public String city() { return city; }
    public String district() { return district; }
    public double latitude() { return latitude; }
    public double longitude() { return longitude; }
    public boolean wheelchairAccess() { return wheelchairAccess; }
    public boolean hearingLoop() { return hearingLoop; }
}
