package dk.brobygger.directory.offer;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** Forening or municipal unit: who offers activities (HSDS organization). */
@Table("organization")
public class Organization {

    /** The editable part of an organisation. */
    public record Details(String name, @Nullable String description, @Nullable String email, @Nullable String phone,
            @Nullable String website, OrganizationKind kind) {
    }

    @Id
    private final UUID id;
    private String name;
    private @Nullable String description;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String website;
    private OrganizationKind kind;
    @Version
    private @Nullable Long version;
    private final Instant createdAt;
    private final String createdBy;
    private Instant updatedAt;
    private String updatedBy;

    @PersistenceCreator
    Organization(UUID id, String name, @Nullable String description, @Nullable String email, @Nullable String phone,
            @Nullable String website, OrganizationKind kind, @Nullable Long version, Instant createdAt,
            String createdBy, Instant updatedAt, String updatedBy) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.email = email;
        this.phone = phone;
        this.website = website;
        this.kind = kind;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    public static Organization create(Details details, String by, Instant now) {
        return new Organization(UUID.randomUUID(), details.name(), details.description(), details.email(),
                details.phone(), WebAddress.checked(details.website()), details.kind(), null, now, by, now, by);
    }

    public void revise(Details details, String by, Instant now) {
        this.name = details.name();
        this.description = details.description();
        this.email = details.email();
        this.phone = details.phone();
        this.website = WebAddress.checked(details.website());
        this.kind = details.kind();
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public Details details() {
        return new Details(name, description, email, phone, website, kind);
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public @Nullable String description() { return description; }
    public @Nullable String email() { return email; }
    public @Nullable String phone() { return phone; }
    public @Nullable String website() { return website; }
    public OrganizationKind kind() { return kind; }
    public @Nullable Long version() { return version; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
