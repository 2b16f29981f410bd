/**
 * Én indgang (DOMAIN.md §4–§5): every inquiry (henvendelse) enters here, from the citizen, a relative, an
 * association, a GP, the region or someone anonymous; a host (vært) starts a course (forløb) the same day. Course
 * types are data with phases, planned intensity and a default team (CTI, peer support, integrated effort,
 * medication pedagogy, youth advisory, the short course, Fællesteam's bridging); every course plans its exit
 * (udgang) from the start, and a citizen may come back. A course carries KL's codes (FFB support need, FSIII
 * follow-up result) and is FHIR EpisodeOfCare at {@code /fhir} for the systems of parties the citizen consented
 * to share with ({@link dk.brobygger.course.EpisodeOfCareProvider}).
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.course;
