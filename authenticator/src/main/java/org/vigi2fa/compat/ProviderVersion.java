package org.vigi2fa.compat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;

/**
 * The VIGI 2FA release this JAR is, read from its manifest (Implementation-Version), so the start-up log says which
 * release an operator installed; classes run from a build's folder (tests, an IDE) say "development".
 */
public final class ProviderVersion {

    /** What the log says when no JAR manifest names a version. */
    public static final String DEVELOPMENT = "development";

    private static final String CLASS_FILE = ProviderVersion.class.getSimpleName() + ".class";

    private ProviderVersion() {
    }

    /** The release, e.g. "1.0.0"; {@link #DEVELOPMENT} when not run from the release JAR. */
    public static String current() {
        String version = ProviderVersion.class.getPackage().getImplementationVersion();
        if (version == null || version.isBlank()) {
            version = fromManifest(ProviderVersion.class.getResource(CLASS_FILE));
        }
        return version == null || version.isBlank() ? DEVELOPMENT : version.trim();
    }

    /**
     * The Implementation-Version of the JAR a class was loaded from (a "jar:...!/path" URL), since a class loader
     * need not define packages from the manifest; null for a class outside a JAR or a manifest without it.
     */
    static String fromManifest(URL classFile) {
        if (classFile == null || !"jar".equals(classFile.getProtocol())) {
            return null;
        }
        String url = classFile.toExternalForm();
        try (InputStream in = new URL(url.substring(0, url.indexOf("!/") + 2) + "META-INF/MANIFEST.MF").openStream()) {
            return new Manifest(in).getMainAttributes().getValue("Implementation-Version");
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
