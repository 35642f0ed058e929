package org.vigi2fa.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release the start-up log names comes from the JAR's manifest; a build's class folder is "development". */
final class ProviderVersionTest {

    @Test
    void aJarManifestNamesTheRelease(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("vigi.jar"), "1.2.3");
        URL classFile = new URL("jar:" + jar.toUri() + "!/org/vigi2fa/compat/ProviderVersion.class");
        assertEquals("1.2.3", ProviderVersion.fromManifest(classFile));
    }

    @Test
    void aJarWithoutTheEntryOrAClassFolderNamesNone(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("plain.jar"), null);
        assertNull(ProviderVersion.fromManifest(new URL("jar:" + jar.toUri() + "!/org/vigi2fa/compat/ProviderVersion.class")));
        assertNull(ProviderVersion.fromManifest(dir.toUri().toURL()));
        assertNull(ProviderVersion.fromManifest(null));
    }

    @Test
    void classesOfABuildFolderSayDevelopment() {
        // the unit tests run from target/classes, which has no manifest
        assertEquals(ProviderVersion.DEVELOPMENT, ProviderVersion.current());
    }

    private static Path jar(Path file, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (version != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("org/vigi2fa/compat/ProviderVersion.class"));
            jar.closeEntry();
        }
        return file;
    }
}
