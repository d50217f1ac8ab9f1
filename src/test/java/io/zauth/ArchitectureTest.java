package io.zauth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The packages' layers, each importing only those below it: entry points (the main class,
 * {@code api}, {@code cli}) → the login pipeline and the import → the backends,
 * each a package of its own → the backend contract ({@code auth}) → the stores → the foundation
 * ({@code key}, {@code config}, {@code error}, {@code metrics}, {@code audit}). No cycles. Rules are
 * methods, not fields: Surefire 3.5.3 runs no {@code @ArchTest} fields (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "io.zauth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] BACKENDS = {"io.zauth.email..", "io.zauth.ldap..", "io.zauth.dev..", "io.zauth.jwt.."};
    static final String[] STORES = {"io.zauth.user..", "io.zauth.org..", "io.zauth.cache..", "io.zauth.ratelimit..",
            "io.zauth.password.."};
    static final String[] FOUNDATION = {"io.zauth.key..", "io.zauth.config..", "io.zauth.error..", "io.zauth.metrics..",
            "io.zauth.audit.."};

    @ArchTest
    void packagesFormNoCycle(JavaClasses classes) {
        slices().matching("io.zauth.(*)..").should().beFreeOfCycles().check(classes);
    }

    @ArchTest
    void layersOnlyPointDown(JavaClasses classes) {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Entry").definedBy("io.zauth", "io.zauth.api..", "io.zauth.cli..")
                .layer("Login").definedBy("io.zauth.login..", "io.zauth.migration..")
                .layer("Backends").definedBy(BACKENDS)
                .layer("Contract").definedBy("io.zauth.auth..")
                .layer("Stores").definedBy(STORES)
                .layer("Foundation").definedBy(FOUNDATION)
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Login").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Backends").mayOnlyBeAccessedByLayers("Entry", "Login")
                .whereLayer("Contract").mayOnlyBeAccessedByLayers("Entry", "Login", "Backends")
                .whereLayer("Stores").mayOnlyBeAccessedByLayers("Entry", "Login", "Backends", "Contract")
                .check(classes);
    }

    /** A backend plugs in through the contract: no other backend and no login or entry code names it. */
    @ArchTest
    void noBackendNamesAnother(JavaClasses classes) {
        for (String backend : BACKENDS) {
            noClasses().that().resideInAnyPackage(BACKENDS).and().resideOutsideOfPackage(backend)
                    .should().dependOnClassesThat().resideInAPackage(backend).check(classes);
        }
        noClasses().that().resideInAnyPackage("io.zauth.login..", "io.zauth.api..")
                .should().dependOnClassesThat().resideInAnyPackage(BACKENDS).check(classes);
    }

    /** The foundation stands on nothing of zauth's but the server-wide settings: keys are cryptography alone. */
    @ArchTest
    void theFoundationImportsNoFeature(JavaClasses classes) {
        noClasses().that().resideInAnyPackage(FOUNDATION)
                .should().dependOnClassesThat().resideInAnyPackage(STORES).check(classes);
        noClasses().that().resideInAnyPackage(FOUNDATION).should().dependOnClassesThat()
                .resideInAnyPackage("io.zauth.auth..", "io.zauth.login..", "io.zauth.api..", "io.zauth.cli..").check(classes);
        noClasses().that().resideInAPackage("io.zauth.config..").should().dependOnClassesThat()
                .resideInAnyPackage("io.zauth.key..", "io.zauth.error..", "io.zauth.metrics..", "io.zauth.audit..").check(classes);
    }
}
