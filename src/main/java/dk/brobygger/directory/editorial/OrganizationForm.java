package dk.brobygger.directory.editorial;

import java.util.Objects;

import dk.brobygger.directory.offer.Organization;
import dk.brobygger.directory.offer.OrganizationKind;
import dk.brobygger.directory.offer.WebAddress;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** The organisation form as the editor typed it; limits match the database columns. */
public class OrganizationForm {

    @NotBlank(message = "{editorial.organization.name.required}")
    @Size(max = 200, message = "{editorial.size.max}")
    private @Nullable String name;

    @Size(max = 4000, message = "{editorial.size.max}")
    private @Nullable String description;

    @Email(message = "{editorial.email.invalid}")
    @Size(max = 200, message = "{editorial.size.max}")
    private @Nullable String email;

    @Size(max = 40, message = "{editorial.size.max}")
    @Pattern(regexp = "[0-9 +()-]*", message = "{editorial.phone.invalid}")
    private @Nullable String phone;

    @Size(max = WebAddress.MAX_LENGTH, message = "{editorial.size.max}")
    @Website
    private @Nullable String website;

    @NotNull(message = "{editorial.organization.kind.required}")
    private @Nullable OrganizationKind kind;

    private long version;

    static OrganizationForm of(Organization.Details details, long version) {
        var form = new OrganizationForm();
        form.name = details.name();
        form.description = details.description();
        form.email = details.email();
        form.phone = details.phone();
        form.website = details.website();
        form.kind = details.kind();
        form.version = version;
        return form;
    }

    /** Only for a form that passed validation. */
    Organization.Details toDetails() {
        return new Organization.Details(Objects.requireNonNull(name).strip(), description, email, phone, website,
                Objects.requireNonNull(kind));
    }

    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public @Nullable String getDescription() { return description; }
    public void setDescription(@Nullable String description) { this.description = description; }
    public @Nullable String getEmail() { return email; }
    public void setEmail(@Nullable String email) { this.email = email; }
    public @Nullable String getPhone() { return phone; }
    public void setPhone(@Nullable String phone) { this.phone = phone; }
    public @Nullable String getWebsite() { return website; }
    public void setWebsite(@Nullable String website) { this.website = website; }
    public @Nullable OrganizationKind getKind() { return kind; }
    public void setKind(@Nullable OrganizationKind kind) { this.kind = kind; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
