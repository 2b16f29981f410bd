package dk.brobygger.interop.internal;

import java.util.List;

import dk.brobygger.interop.FhirProvider;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Brobyggers FHIR-server: HAPI FHIR's plain server with every module's {@link FhirProvider}. JSON unless the
 * client asks for XML ({@code Accept}, {@code _format}) or sends XML without saying what it accepts. The base
 * address is the one the request came to: the trusted-proxy filter has already put the client's scheme and host
 * on the request, so a CapabilityStatement behind a proxy names the public address.
 */
class FhirServer extends RestfulServer {

    private static final long serialVersionUID = 1L;

    FhirServer(FhirContext fhir, List<FhirProvider> providers, FhirErrors errors, String version) {
        super(fhir);
        setServerName("Brobygger");
        setServerVersion(version);
        setImplementationDescription("Brobygger FHIR R4 (MedCom HospitalNotification $process-message; referrals as Task and ServiceRequest)");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setServerAddressStrategy(new IncomingRequestAddressStrategy());
        registerInterceptor(errors);
        registerProviders(List.copyOf(providers));
    }

    /** No {@code X-Powered-By} with HAPI's name and version: an answer does not advertise the software under it. */
    @Override
    public void addHeadersToResponse(HttpServletResponse response) {
        // the only header HAPI adds here is X-Powered-By
    }
}
