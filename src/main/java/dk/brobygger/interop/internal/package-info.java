/** The FHIR server's wiring: HAPI's RestfulServer as a servlet under {@code /fhir/*}, and its Danish error answers. */
@org.jspecify.annotations.NullMarked
package dk.brobygger.interop.internal;
