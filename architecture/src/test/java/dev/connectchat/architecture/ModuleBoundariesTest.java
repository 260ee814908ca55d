package dev.connectchat.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries, checked on the compiled classes of every published module (not their tests): a module
 * uses another module's {@code internal} packages never, internal types never appear in a public signature, and
 * the emulator (our oracle) takes nothing from the client but the model types it speaks.
 */
class ModuleBoundariesTest {
    private static final String CORE_INTERNAL = "dev.connectchat.participant.internal..";
    private static final String WEBSOCKET = "dev.connectchat.participant.websocket..";
    private static final String TESTKIT = "dev.connectchat.participant.testkit..";

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.connectchat");
        // a rule over no classes passes: make sure every module was found
        Set<String> names = new TreeSet<>();
        classes.forEach(c -> names.add(c.getName()));
        assertThat(names).contains("dev.connectchat.participant.ParticipantClient",
                "dev.connectchat.participant.websocket.ChatSession",
                "dev.connectchat.participant.testkit.ParticipantEmulator",
                "dev.connectchat.participant.spring.ConnectChatAutoConfiguration",
                "dev.connectchat.participant.testcontainers.ConnectParticipantEmulatorContainer");
    }

    @Test
    void onlyCoreUsesCoreInternals() {
        // every other module: whatever packages core grows, they are core's
        ArchRule rule = noClasses().that().resideInAnyPackage(WEBSOCKET, TESTKIT, "dev.connectchat.participant.spring..",
                        "dev.connectchat.participant.testcontainers..", "dev.connectchat.examples..", "dev.connectchat.benchmarks..")
                .should().dependOnClassesThat().resideInAPackage(CORE_INTERNAL)
                .because("other modules reach the client through its API and dev.connectchat.participant.spi");
        rule.check(classes);
    }

    @Test
    void onlyTheSessionUsesItsInternals() {
        noClasses().that().resideOutsideOfPackage(WEBSOCKET)
                .should().dependOnClassesThat().resideInAPackage("dev.connectchat.participant.websocket.internal..")
                .check(classes);
    }

    @Test
    void onlyTheEmulatorUsesItsInternals() {
        noClasses().that().resideOutsideOfPackage(TESTKIT)
                .should().dependOnClassesThat().resideInAPackage("dev.connectchat.participant.testkit.internal..")
                .check(classes);
    }

    @Test
    void theEmulatorTakesOnlyModelTypesFromTheClient() {
        noClasses().that().resideInAPackage(TESTKIT)
                .should().dependOnClassesThat(clientCodeOtherThanModels())
                .because("the emulator judges the client: it must not share the client's checks, JSON set-up or code")
                .check(classes);
    }

    @Test
    void noInternalTypeInAPublicSignature() {
        classes().that().arePublic().and().resideOutsideOfPackage("..internal..")
                .should(exposeNoInternalType())
                .check(classes);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Set<String> missing = new TreeSet<>();
        for (JavaClass c : classes) {
            JavaPackage p = c.getPackage();
            if (p.tryGetPackageInfo().isEmpty()) {
                missing.add(p.getName());
            }
        }
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }

    private static DescribedPredicate<JavaClass> clientCodeOtherThanModels() {
        return DescribedPredicate.describe("are client code other than dev.connectchat.participant.model", c -> {
            String p = c.getPackageName();
            boolean client = p.equals("dev.connectchat.participant") || p.startsWith("dev.connectchat.participant.internal")
                    || p.startsWith("dev.connectchat.participant.spi") || p.startsWith("dev.connectchat.participant.websocket");
            return client;
        });
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public or protected signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                c.getRawSuperclass().ifPresent(s -> report(c, "extends", s, events));
                c.getRawInterfaces().forEach(i -> report(c, "implements", i, events));
                for (JavaCodeUnit unit : c.getCodeUnits()) {
                    if (visible(unit.getModifiers())) {
                        unit.getReturnType().getAllInvolvedRawTypes().forEach(t -> report(c, unit.getFullName() + " returns", t, events));
                        unit.getParameterTypes().forEach(p -> p.getAllInvolvedRawTypes()
                                .forEach(t -> report(c, unit.getFullName() + " takes", t, events)));
                    }
                }
                for (JavaField f : c.getFields()) {
                    if (visible(f.getModifiers())) {
                        f.getType().getAllInvolvedRawTypes().forEach(t -> report(c, f.getFullName() + " is", t, events));
                    }
                }
            }

            private boolean visible(Set<JavaModifier> modifiers) {
                return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
            }

            private void report(JavaClass owner, String where, JavaClass type, ConditionEvents events) {
                if (type.getPackageName().contains(".internal")) {
                    events.add(SimpleConditionEvent.violated(owner, where + " " + type.getName()));
                }
            }
        };
    }
}
