package org.vigi2fa.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The one-rule-per-job shape of the production code (docs/code-layout.md): only guard/ re-checks a password, a code
 * or a lock; the base layer imports no capability and nothing imports login/; every id is declared once.
 */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/org/vigi2fa");
    /** Packages every capability may build on; they import none of the capabilities. */
    private static final Set<String> BASE = Set.of("", "compat", "config", "guard", "notify", "link", "metrics");
    /** What re-checks a password, a code or a lock with Keycloak's own calls. */
    private static final Pattern RECHECK = Pattern.compile(
            "passwordMatches\\(|isValid\\(new UserCredentialModel|getProtector\\(\\)|isTemporarilyDisabled");
    /** The sign-in code step extends Keycloak's OTP form and checks its code the way that form does. */
    private static final Set<String> RECHECK_ALLOWED = Set.of("login/TwoFactorCodeAuthenticator.java");
    private static final Pattern VIGI_IMPORT = Pattern.compile("^import org\\.vigi2fa\\.([a-z]+)\\.");
    private static final Pattern ID_DECLARATION = Pattern.compile("static final String ([A-Z]+)_\\w* = \"([^\"]*)\";");

    @Test
    void onlyGuardReChecksPasswordsCodesAndLocks() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            String name = MAIN.relativize(file).toString();
            if (name.startsWith("guard/") || RECHECK_ALLOWED.contains(name)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (RECHECK.matcher(lines.get(i)).find()) {
                    found.add(name + ":" + (i + 1) + " " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void baseLayerImportsNoCapabilityAndNothingImportsLogin() throws IOException {
        List<String> upward = new ArrayList<>();
        for (Path file : sources()) {
            String name = MAIN.relativize(file).toString();
            String pkg = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
            for (String line : Files.readAllLines(file)) {
                Matcher imported = VIGI_IMPORT.matcher(line);
                if (!imported.find() || imported.group(1).equals(pkg)) {
                    continue;
                }
                String target = imported.group(1);
                if (target.equals("login") || BASE.contains(pkg) && !BASE.contains(target)) {
                    upward.add(name + ": " + line);
                }
            }
        }
        assertEquals(List.of(), upward);
    }

    @Test
    void everyIdIsDeclaredOnceForItsRole() throws IOException {
        Map<String, List<String>> declared = new TreeMap<>();
        for (Path file : sources()) {
            if (!file.getFileName().toString().endsWith("Ids.java")) {
                continue;
            }
            Matcher id = ID_DECLARATION.matcher(Files.readString(file));
            while (id.find()) {
                declared.computeIfAbsent(id.group(1) + " \"" + id.group(2) + "\"", k -> new ArrayList<>())
                        .add(MAIN.relativize(file).toString());
            }
        }
        assertTrue(declared.size() > 100, "ids are recognised (" + declared.size() + ")");
        Map<String, List<String>> twice = new TreeMap<>(declared);
        twice.values().removeIf(places -> places.size() < 2);
        assertEquals(Map.of(), twice);
    }

    /** The checks can fail: an import that runs up and a second declaration are seen. */
    @Test
    void theChecksSeeWhatTheyLookFor() {
        Matcher upward = VIGI_IMPORT.matcher("import org.vigi2fa.report.ReportLink;");
        assertTrue(upward.find() && !BASE.contains(upward.group(1)));
        Matcher id = ID_DECLARATION.matcher("    static final String ATTR_USERNAME = \"vigiUsername\";");
        assertTrue(id.find() && id.group(1).equals("ATTR") && id.group(2).equals("vigiUsername"));
        assertTrue(RECHECK.matcher("context.getProtector().isTemporarilyDisabled(s, r, u)").find());
        assertFalse(RECHECK.matcher("Reauthentication.isLocked(s, r, u)").find());
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            assertTrue(java.size() > 50, "the production sources are found from " + MAIN.toAbsolutePath());
            return java;
        }
    }
}
