/** The citizen's hospital timeline as a page for related staff and as JSON. */
@org.jspecify.annotations.NullMarked
package dk.brobygger.hospital.web;
