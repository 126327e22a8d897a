package dev.dualpath.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Comments, scenarios and documents cite {@code docs/<name>.md#<section>} for the facts they rely
 * on. A renamed section or a typo would leave a reader with a dead reference, so every such
 * reference in the repository must name a file that exists and a heading it has.
 */
class DocsReferencesTest {

    /** This module's directory is the test's working directory; the repository is its parent. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern REFERENCE =
            Pattern.compile("docs/([a-z0-9-]+\\.md)(?:#([a-z0-9-]+))?");
    private static final Pattern IN_DOC_LINK = Pattern.compile("\\]\\(#([a-z0-9-]+)\\)");
    private static final Set<String> SCANNED = Set.of("java", "md", "json", "py", "yml", "xml");
    private static final Set<String> SKIPPED_DIRS =
            Set.of(".git", "target", "runs", "latest", "baseline", "__pycache__");

    @Test
    void everyDocsReferenceNamesAnExistingFileAndSection() throws IOException {
        List<String> broken = new ArrayList<>();
        int references = 0;
        for (Path file : scannedFiles()) {
            Matcher m = REFERENCE.matcher(Files.readString(file));
            while (m.find()) {
                references++;
                Path doc = ROOT.resolve("docs").resolve(m.group(1));
                String where = ROOT.relativize(file) + ": " + m.group();
                if (!Files.isRegularFile(doc)) {
                    broken.add(where + " (no such file)");
                } else if (m.group(2) != null && !anchors(doc).contains(m.group(2))) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertThat(references).as("references found").isPositive();
        assertThat(broken).as("dead docs/ references").isEmpty();
    }

    @Test
    void everyLinkInsideADocNamesOneOfItsHeadings() throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                Set<String> anchors = anchors(doc);
                Matcher m = IN_DOC_LINK.matcher(Files.readString(doc));
                while (m.find()) {
                    if (!anchors.contains(m.group(1))) {
                        broken.add(ROOT.relativize(doc) + ": #" + m.group(1));
                    }
                }
            }
        }
        assertThat(broken).as("dead links inside docs/").isEmpty();
    }

    @Test
    void slugsFollowGitHubsRule() {
        assertThat(slug("Fork-to-fork noise")).isEqualTo("fork-to-fork-noise");
        assertThat(slug("send is not sendAsync then get"))
                .isEqualTo("send-is-not-sendasync-then-get");
        assertThat(slug("HTTP/1.1 only")).isEqualTo("http11-only");
    }

    private static List<Path> scannedFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(ROOT)) {
            all.filter(Files::isRegularFile)
                    .filter(p -> SCANNED.contains(extension(p)))
                    .filter(DocsReferencesTest::notSkipped)
                    .forEach(out::add);
        }
        return out;
    }

    private static boolean notSkipped(Path file) {
        for (Path part : ROOT.relativize(file)) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The anchors GitHub gives a Markdown file's headings, outside fenced code blocks. */
    private static Set<String> anchors(Path doc) {
        Set<String> out = new HashSet<>();
        boolean fenced = false;
        try {
            for (String line : Files.readAllLines(doc)) {
                if (line.startsWith("```")) {
                    fenced = !fenced;
                } else if (!fenced && line.startsWith("#")) {
                    out.add(slug(line.replaceFirst("^#+\\s*", "")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Lower case, punctuation dropped, spaces to hyphens. */
    private static String slug(String heading) {
        return heading.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }
}
