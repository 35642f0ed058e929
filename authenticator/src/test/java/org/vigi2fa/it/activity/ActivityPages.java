package org.vigi2fa.it.activity;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.jsoup.nodes.Element;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.http.Page;

/** The activity page as a signed-in browser opens it, and its rows. */
final class ActivityPages {

    static final String ACTION = "vigi-2fa-activity";

    private ActivityPages() {
    }

    static Page open(SignedIn signedIn) {
        Page page = signedIn.startAction(ACTION);
        assertNotNull(page.document().getElementById("vigi-2fa-activity"), "the activity page: " + page.text());
        return page;
    }

    static List<Element> rows(Page page) {
        return page.document().select("li.vigi-2fa-activity-row");
    }
}
