/** Synthetic demo and benchmark citizens for the demo municipality Fjordlund. */
@org.jspecify.annotations.NullMarked
package dk.brobygger.citizen.demo;
