package org.vigi2fa.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The size rules of the production code (docs/code-layout.md): no class over 200 lines, no method over 40, every
 * class final (or abstract: a base to extend; or an interface, record or enum). A file that breaks one is named with
 * the rule it breaks.
 */
class CodeShapeTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java/org/vigi2fa");
    private static final int MAX_CLASS_LINES = 200;
    private static final int MAX_METHOD_LINES = 40;
    /**
     * A method or constructor declared at class level (four spaces in, not a deeper line, a continued chain or an
     * annotation); its body may open a few lines further.
     */
    private static final Pattern METHOD_START = Pattern.compile("^    (?![ .@])(?!return |new |throw )(?!.*\\b(class|record|enum|interface)\\b)[\\w<>\\[\\],.? @]*\\w\\(.*");
    private static final Pattern TOP_TYPE = Pattern.compile("^(public )?(final class|abstract class|class|interface|record|enum|@interface) .*");

    @Test
    void noClassIsLongerThanTwoHundredLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : sources()) {
            int lines = Files.readAllLines(file).size();
            if (lines > MAX_CLASS_LINES) {
                tooLong.add(MAIN.relativize(file) + " has " + lines + " lines");
            }
        }
        assertEquals(List.of(), tooLong);
    }

    @Test
    void noMethodIsLongerThanFortyLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        int methods = 0;
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            tooLong.addAll(longMethods(file, lines));
            methods += (int) lines.stream().filter(l -> METHOD_START.matcher(l).matches() && !l.trim().endsWith(";")).count();
        }
        assertTrue(methods > 300, "methods are recognised (" + methods + ")");
        assertEquals(List.of(), tooLong);
    }

    @Test
    void everyClassIsFinal() throws IOException {
        List<String> open = new ArrayList<>();
        for (Path file : sources()) {
            Files.readAllLines(file).stream().filter(l -> TOP_TYPE.matcher(l).matches())
                    .filter(l -> l.matches("^(public )?class .*") && !isEntity(file))
                    .forEach(l -> open.add(MAIN.relativize(file) + ": " + l.trim()));
        }
        assertEquals(List.of(), open);
    }

    /**
     * Test support is held to the same rules: the harness (testing/), the benchmark (bench/) and every helper beside
     * the integration tests (it/ files that are neither an *IT nor a *Test).
     */
    @Test
    void testSupportKeepsTheSizeRules() throws IOException {
        List<Path> support = new ArrayList<>(sources(TEST.resolve("testing")));
        support.addAll(sources(TEST.resolve("bench")));
        support.addAll(sources(Path.of("src/demo/java")));
        sources(TEST.resolve("it")).stream()
                .filter(f -> !f.getFileName().toString().matches(".*(IT|Test)\\.java")).forEach(support::add);
        assertTrue(support.size() > 100, "the test support is found from " + TEST.toAbsolutePath());
        List<String> broken = new ArrayList<>();
        for (Path file : support) {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() > MAX_CLASS_LINES) {
                broken.add(TEST.relativize(file) + " has " + lines.size() + " lines");
            }
            broken.addAll(longMethods(file, lines));
        }
        assertEquals(List.of(), broken);
    }

    /** A JPA entity: Hibernate needs it open (it may subclass it), so it is the one kind of class left non-final. */
    private static boolean isEntity(Path file) {
        try {
            return Files.readString(file).contains("\n@Entity\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The rule itself can fail: a 41-line method is found, a 40-line one is not. */
    @Test
    void theMethodRuleSeesALongMethod() {
        assertEquals(1, longMethods(Path.of("Long.java"), method(41)).size());
        assertEquals(0, longMethods(Path.of("Short.java"), method(40)).size());
    }

    private static List<String> method(int lines) {
        List<String> source = new ArrayList<>(List.of("final class X {", "    void m() {"));
        for (int i = 0; i < lines - 2; i++) {
            source.add("        step();");
        }
        source.add("    }");
        source.add("}");
        return source;
    }

    /** Methods from their declaration line to the closing brace at the same indentation, both included. */
    private static List<String> longMethods(Path file, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!METHOD_START.matcher(lines.get(i)).matches() || lines.get(i).trim().endsWith(";")) {
                continue;
            }
            int end = i;
            while (end < lines.size() && !lines.get(end).equals("    }")) {
                end++;
            }
            int length = end - i + 1;
            if (length > MAX_METHOD_LINES) {
                found.add(file + ":" + (i + 1) + " " + lines.get(i).trim() + " has " + length + " lines");
            }
        }
        return found;
    }

    private static List<Path> sources() throws IOException {
        List<Path> java = sources(MAIN);
        assertTrue(java.size() > 50, "the production sources are found from " + MAIN.toAbsolutePath());
        return java;
    }

    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
