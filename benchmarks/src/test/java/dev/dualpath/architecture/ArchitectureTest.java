package dev.dualpath.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module graph and the layering inside the adapter, as rules that fail the build. This module
 * depends on every other one, so its test class path holds every production class of the project.
 * Each rule's {@code because} says why the rule exists; {@code CONTRIBUTING.md} lists them.
 */
@AnalyzeClasses(packages = "dev.dualpath", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ADAPTER = "dev.dualpath.adapter..";
    private static final String TESTKIT = "dev.dualpath.testkit..";
    private static final String CONFORMANCE = "dev.dualpath.conformance..";
    private static final String BENCHMARKS = "dev.dualpath.bench..";
    private static final String VERDICT = "dev.dualpath.bench.verdict..";
    private static final String[] WIREMOCK = {"com.github.tomakehurst..", "org.wiremock.."};
    private static final String IO_CLASSES =
            "java\\.net\\.(Socket|ServerSocket|DatagramSocket|URLConnection|HttpURLConnection"
                    + "|InetAddress)\\b.*|java\\.io\\.(File|FileInputStream|FileOutputStream"
                    + "|FileReader|FileWriter|RandomAccessFile)";
    private static final String[] HTTP_CLIENTS = {
        "java.net.http..", "org.apache.hc..", "okhttp3..", "com.openai.."
    };

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.dualpath.(**)")
                    .should()
                    .beFreeOfCycles()
                    .because("a package cycle makes two packages one, whatever their names say");

    @ArchTest
    static final ArchRule adapterKnowsNoTestOrBenchmarkCode =
            noClasses()
                    .that()
                    .resideInAPackage(ADAPTER)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            TESTKIT,
                            CONFORMANCE,
                            BENCHMARKS,
                            "com.github.tomakehurst..",
                            "org.wiremock..",
                            "org.openjdk.jmh..",
                            "org.junit..")
                    .because("the adapter is the product; the suites and the benchmarks use it");

    @ArchTest
    static final ArchRule sharedHelpersKnowNoTransport =
            noClasses()
                    .that()
                    .resideInAPackage("dev.dualpath.adapter.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "dev.dualpath.adapter.transport..",
                            "dev.dualpath.adapter.compat..",
                            "java.net.http..",
                            "org.apache.hc..")
                    .because(
                            "both paths and every strategy share the helpers; a transport in them"
                                    + " would make one path's I/O the other's");

    @ArchTest
    static final ArchRule sharedHelpersDoNoIo =
            noClasses()
                    .that()
                    .resideInAPackage("dev.dualpath.adapter.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("java.nio.channels..", "java.nio.file..", "java.net.http..")
                    .orShould()
                    .dependOnClassesThat()
                    .haveNameMatching(IO_CLASSES)
                    .because(
                            "the helpers are pure functions of bytes and values (a URI is a value),"
                                    + " tested without a network or a disk");

    @ArchTest
    static final ArchRule wireValuesAreOnlyData =
            noClasses()
                    .that()
                    .resideInAPackage("dev.dualpath.adapter.wire..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "dev.dualpath.adapter.transport..",
                            "dev.dualpath.adapter.core..",
                            "java.net.http..",
                            "org.apache.hc..")
                    .because("the wire values are what helpers and transports exchange");

    @ArchTest
    static final ArchRule productionCodeOutsideTheSuitesUsesNoTestDoubles =
            noClasses()
                    .that()
                    .resideOutsideOfPackages(TESTKIT, CONFORMANCE)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(TESTKIT)
                    .because("test doubles belong to the suites, never to what is measured");

    @ArchTest
    static final ArchRule testkitKnowsOnlyTheAdapter =
            noClasses()
                    .that()
                    .resideInAPackage(TESTKIT)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(CONFORMANCE, BENCHMARKS)
                    .because("the kit sits between the adapter and the suites");

    @ArchTest
    static final ArchRule conformanceKnowsNoBenchmarks =
            noClasses()
                    .that()
                    .resideInAPackage(CONFORMANCE)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(BENCHMARKS)
                    .because(
                            "the benchmarks measure what the conformance suite proved, not the"
                                    + " other way round");

    @ArchTest
    static final ArchRule verdictWorksOnAnyJmhResults =
            noClasses()
                    .that()
                    .resideInAPackage(VERDICT)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(ADAPTER, TESTKIT, CONFORMANCE, "org.openjdk.jmh..")
                    .orShould()
                    .dependOnClassesThat()
                    .resideInAnyPackage(WIREMOCK)
                    .orShould()
                    .dependOnClassesThat()
                    .resideInAnyPackage(HTTP_CLIENTS)
                    .because(
                            "the gate, claims and reports read any team's JMH JSON; they must not"
                                    + " drag the adapter or its clients along");
}
