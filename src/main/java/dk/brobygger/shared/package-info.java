/**
 * Shared kernel: the few types every module may use (district, clock, page layout, error pages).
 * Deliberately small; domain logic belongs in the modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dk.brobygger.shared;
