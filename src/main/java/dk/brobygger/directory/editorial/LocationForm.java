package dk.brobygger.directory.editorial;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A new place where an organisation's offers meet. Coordinates are optional: without them the
 * postcode's centre is used, which is close enough for "within 5 km".
 */
public class LocationForm {

    @NotBlank(message = "{editorial.location.name.required}")
    @Size(max = 200, message = "{editorial.size.max}")
    private @Nullable String name;

    @NotBlank(message = "{editorial.location.address.required}")
    @Size(max = 200, message = "{editorial.size.max}")
    private @Nullable String address;

    @NotBlank(message = "{editorial.location.postalCode.invalid}")
    @Pattern(regexp = "[0-9]{4}", message = "{editorial.location.postalCode.invalid}")
    private @Nullable String postalCode;

    @NotBlank(message = "{editorial.location.city.required}")
    @Size(max = 100, message = "{editorial.size.max}")
    private @Nullable String city;

    @NotBlank(message = "{editorial.location.district.required}")
    private @Nullable String district;

    @DecimalMin(value = "54.5", message = "{editorial.location.latitude.range}")
    @DecimalMax(value = "57.8", message = "{editorial.location.latitude.range}")
    private @Nullable Double latitude;

    @DecimalMin(value = "8.0", message = "{editorial.location.longitude.range}")
    @DecimalMax(value = "15.2", message = "{editorial.location.longitude.range}")
    private @Nullable Double longitude;

    private boolean wheelchairAccess;
    private boolean hearingLoop;

    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public @Nullable String getAddress() { return address; }
    public void setAddress(@Nullable String address) { this.address = address; }
    public @Nullable String getPostalCode() { return postalCode; }
    public void setPostalCode(@Nullable String postalCode) { this.postalCode = postalCode; }
    public @Nullable String getCity() { return city; }
    public void setCity(@Nullable String city) { this.city = city; }
    public @Nullable String getDistrict() { return district; }
    public void setDistrict(@Nullable String district) { this.district = district; }
    public @Nullable Double getLatitude() { return latitude; }
    public void setLatitude(@Nullable Double latitude) { this.latitude = latitude; }
    public @Nullable Double getLongitude() { return longitude; }
    public void setLongitude(@Nullable Double longitude) { this.longitude = longitude; }
    public boolean isWheelchairAccess() { return wheelchairAccess; }
    public void setWheelchairAccess(boolean wheelchairAccess) { this.wheelchairAccess = wheelchairAccess; }
    public boolean isHearingLoop() { return hearingLoop; }
    public void setHearingLoop(boolean hearingLoop) { this.hearingLoop = hearingLoop; }
}
