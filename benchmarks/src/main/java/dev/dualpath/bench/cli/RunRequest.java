package dev.dualpath.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a {@code dualpath run} was started with, kept in its run folder as {@value #FILE} so
 * that {@code run --resume DIR} goes on with exactly the same plans, forks and steps: a resumed run
 * that changed them would mix two experiments in one {@code jmh.json}. Paths are kept as given
 * (relative to the directory the run was started in).
 *
 * @param profile the profile name
 * @param results the results folder
 * @param baseline {@code --baseline}, or null for the default
 * @param claims {@code --claims}, or null for the default
 * @param jvm {@code --jvm}, or null for the host's
 * @param jvmArgs {@code --jvm-args}
 * @param pythonSamples {@code --python-samples}
 * @param pythonSdk {@code --[no-]python-sdk}, or null for the profile's default
 * @param pythonVenv {@code --python-venv}
 * @param openLoop {@code --[no-]open-loop}, or null for the profile's default
 * @param keepCpusAwake {@code --[no-]keep-cpus-awake}, or null for the default (a run folder from
 *     before the option has none)
 * @param only {@code --only}
 * @param params {@code -p}
 * @param forks {@code --forks}, or null for the plans' own
 * @param minWarmup {@code --min-warmup}, or null
 * @param skipConformance {@code --skip-conformance}
 * @param failOnVerdict {@code --fail-on-verdict}
 */
record RunRequest(
        String profile,
        String results,
        String baseline,
        String claims,
        String jvm,
        List<String> jvmArgs,
        int pythonSamples,
        Boolean pythonSdk,
        String pythonVenv,
        Boolean openLoop,
        Boolean keepCpusAwake,
        List<String> only,
        Map<String, String> params,
        Integer forks,
        Integer minWarmup,
        boolean skipConformance,
        boolean failOnVerdict) {

    /** The file in a run folder. */
    static final String FILE = "run-request.json";

    /** Copies the collections. */
    RunRequest {
        jvmArgs = List.copyOf(jvmArgs);
        only = List.copyOf(only);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Writes this into {@code runDir}.
     *
     * @throws IOException if it cannot be written
     */
    void write(Path runDir) throws IOException {
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(runDir.resolve(FILE).toFile(), this);
    }

    /**
     * The request a run folder was started with.
     *
     * @throws IllegalArgumentException naming the file if it is missing or unreadable: the folder
     *     is not a run that can be resumed
     */
    static RunRequest read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "--resume: "
                            + runDir
                            + " has no "
                            + FILE
                            + "; it is not a run started by"
                            + " 'dualpath run'");
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), RunRequest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--resume: " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
