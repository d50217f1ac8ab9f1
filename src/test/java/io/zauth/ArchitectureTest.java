package io.zauth;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The packages form no import cycle. Rules are methods, not fields: Surefire 3.5.3 runs no
 * {@code @ArchTest} fields (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "io.zauth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    void packagesFormNoCycle(JavaClasses classes) {
        slices().matching("io.zauth.(*)..").should().beFreeOfCycles().check(classes);
    }
}
