package dk.brobygger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The seams every module plugs into (DESIGN.md) are the only way in: work opens and ends need-to-know through
 * {@code citizen.CitizenWork}, records about a citizen are audited through the gate {@code citizen.CitizenRecords}
 * (which asks consent before sharing: {@code Consents.require} is not visible outside the citizen module), never by
 * a module on its own.
 */
class SeamsTests {

    /** The production classes of the application. */
    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dk.brobygger");

    @Test
    void onlyTheCitizenModuleOpensAndEndsRelations() {
        noClasses().that().resideOutsideOfPackages("dk.brobygger.access..", "dk.brobygger.citizen..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dk.brobygger.access.Relations")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dk.brobygger.access.BreakTheGlass")
                .because("work opens and ends access through citizen.CitizenWork, which audits it")
                .check(APPLICATION);
    }

    @Test
    void noModuleWritesTheAuditLogAboutACitizenOnItsOwn() {
        noClasses().that().resideOutsideOfPackages("dk.brobygger.audit..", "dk.brobygger.citizen..",
                        "dk.brobygger.access..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dk.brobygger.audit.AuditLog")
                .because("records about a citizen pass the gate citizen.CitizenRecords, which checks and audits")
                .check(APPLICATION);
    }
}
