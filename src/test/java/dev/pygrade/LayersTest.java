package dev.pygrade;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import dev.pygrade.services.Services;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The packages of src/main/java in one order, top to bottom: a class may use its own package and
 * those below it, never one above (docs/architecture.md, "Layers"). Read from the compiled
 * classes, so a fully qualified name counts as much as an import.
 */
class LayersTest {
    static final List<String> TOP_TO_BOTTOM = List.of("cli", "server", "loadtest", "bench", "validation", "worker",
            "services", "assessment", "store", "batch", "report", "cpython", "grading", "sandbox", "exercise",
            "submission", "similarity");

    private static final String ROOT = "dev.pygrade.";
    /** The classes of src/main/java: the folder (or jar) Services was loaded from. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .importLocations(Set.of(Location.of(Services.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void noPackageUsesOneAboveIt() {
        for (int i = 1; i < TOP_TO_BOTTOM.size(); i++) {
            String[] above = TOP_TO_BOTTOM.subList(0, i).stream().map(name -> ROOT + name + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + TOP_TO_BOTTOM.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(TOP_TO_BOTTOM.get(i) + " is below " + String.join(", ", TOP_TO_BOTTOM.subList(0, i)))
                    .check(MAIN);
        }
    }

    @Test
    void everyPackageHasItsPlaceInTheOrder() {
        Set<String> packages = MAIN.stream().map(JavaClass::getPackageName)
                .map(name -> name.substring(ROOT.length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(TOP_TO_BOTTOM), packages);
    }
}
