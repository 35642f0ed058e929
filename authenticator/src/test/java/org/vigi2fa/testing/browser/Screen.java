package org.vigi2fa.testing.browser;

/** The screens the journey runs on: a laptop window and a 390×844 phone. */
public enum Screen {
    DESKTOP("desktop", 1280, 800, false),
    PHONE("phone", 390, 844, true);

    public final String folder;
    public final int width;
    public final int height;
    public final boolean mobile;

    Screen(String folder, int width, int height, boolean mobile) {
        this.folder = folder;
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }
}
