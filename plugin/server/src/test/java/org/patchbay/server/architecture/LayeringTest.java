package org.patchbay.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchbay.core.telephony.Telephony;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.server.architecture.Layout.ADAPTERS;
import static org.patchbay.server.architecture.Layout.ADAPTER_SLICES;
import static org.patchbay.server.architecture.Layout.BENCHMARKS;
import static org.patchbay.server.architecture.Layout.CORE;
import static org.patchbay.server.architecture.Layout.CORE_MAY_USE;
import static org.patchbay.server.architecture.Layout.PATCHBAY;
import static org.patchbay.server.architecture.Layout.SERVER;
import static org.patchbay.server.architecture.Layout.SIMULATOR;
import static org.patchbay.server.architecture.Layout.TESTKIT;
import static org.patchbay.server.architecture.Layout.VERBS;

/**
 * DESIGN.md's layering, checked on the main classes of every module on this module's class path
 * (all but the benchmarks): dependencies point from adapters to core, and only the server sees everything.
 */
class LayeringTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.patchbay");
        for (String module : new String[]{"org.patchbay.core", "org.patchbay.adapters.ari", "org.patchbay.asterisk.sim",
                "org.patchbay.server", "org.patchbay.testkit"}) {
            assertTrue(main.containPackage(module), "no class of " + module + " was imported");
        }
    }

    @Test
    void coreKnowsNoAdapterProtocolLibraryOrServer() {
        classes().that().resideInAPackage(CORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage(CORE_MAY_USE)
                .because("core is the domain and its ports (DESIGN.md: depends on vertx-core and Jackson only)")
                .check(main);
    }

    @Test
    void verbsReachThePbxOnlyThroughTheSessionsGuard() {
        noClasses().that().resideInAPackage(VERBS)
                .should().dependOnClassesThat().areAssignableTo(Telephony.class)
                .because("a verb's PBX requests go through CallControl.pbx(), which refuses them once the call has ended")
                .check(main);
    }

    @Test
    void adaptersDoNotImportEachOther() {
        slices().matching(ADAPTER_SLICES).should().notDependOnEachOther()
                .because("each adapter speaks one outside protocol to core's ports; only the server wires them together")
                .check(main);
    }

    @Test
    void adaptersDoNotKnowTheServerOrTestkit() {
        noClasses().that().resideInAPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(SERVER, TESTKIT, SIMULATOR, BENCHMARKS)
                .because("the server is the only place that constructs and wires adapters")
                .check(main);
    }

    @Test
    void theSimulatorImportsNothingOfPatchbay() {
        noClasses().that().resideInAPackage(SIMULATOR)
                .should().dependOnClassesThat(resideInAPackage(PATCHBAY).and(resideOutsideOfPackage(SIMULATOR)))
                .because("the simulator stands in for Asterisk: it speaks ARI and knows nothing of its client")
                .check(main);
    }

    @Test
    void theTestkitSeesOnlyCore() {
        noClasses().that().resideInAPackage(TESTKIT)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, SERVER, SIMULATOR, BENCHMARKS)
                .because("the testkit's fakes and contracts are written against core's ports")
                .check(main);
    }
}
