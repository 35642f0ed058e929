package org.vigi2fa.testing.browser;

/** The screens the journeys run on: a laptop window, a 390×844 phone and the small 360×740 phone every page must fit. */
public enum Screen {
    DESKTOP("desktop", 1280, 800, false),
    PHONE("phone", 390, 844, true),
    SMALL_PHONE("phone-360", 360, 740, true);

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
