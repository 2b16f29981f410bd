package dk.brobygger.referral;

import java.util.List;
import java.util.UUID;

import dk.brobygger.interop.FhirProvider;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code ServiceRequest} for referrals: the request a referral's Task points to ({@code Task.focus}), the
 * offer the citizen is referred to, for the association's own system only, with what the citizen consented to
 * share, audited as the inbox's reads are. Public because HAPI binds the methods by reflection.
 */
@Component
public class ServiceRequestProvider implements IResourceProvider, FhirProvider {

    private final Referrals referrals;
    private final AssociationInbox inbox;
    private final ReferralFhir fhir;
    private final ReferralFhirErrors errors;

    ServiceRequestProvider(Referrals referrals, AssociationInbox inbox, ReferralFhir fhir, ReferralFhirErrors errors) {
        this.referrals = referrals;
        this.inbox = inbox;
        this.fhir = fhir;
        this.errors = errors;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return ServiceRequest.class;
    }

    /** The referral's request; another organisation's, or an id that is no referral, is not found. */
    @Read
    public ServiceRequest read(@IdParam IdType id) {
        Referral referral;
        try {
            referral = referrals.forOrganizationSystem(new ReferralId(UUID.fromString(id.getIdPart())));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw errors.notFound();
        } catch (RuntimeException e) {
            throw errors.of(e);
        }
        boolean consented = !inbox.consented(List.of(referral), "Foreningens system læste henvisningen (FHIR)")
                .isEmpty();
        return fhir.serviceRequest(referral, consented);
    }
}
