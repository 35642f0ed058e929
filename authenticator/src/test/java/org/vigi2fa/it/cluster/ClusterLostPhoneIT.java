package org.vigi2fa.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.cluster.ClusterSteps.A;
import static org.vigi2fa.it.cluster.ClusterSteps.B;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/** The lost-phone link is single-use for the whole cluster, whichever node issues, opens or confirms it. */
@VigiTest
class ClusterLostPhoneIT {

    private static final String CONFIRM_PAGE = "login-vigi-2fa-lost-confirm";
    private static final String DONE_PAGE = "login-vigi-2fa-lost-done";
    private static final String CONFIRM_FORM = "#vigi-lost-confirm-form";
    private static final String USED = "already used";

    @BeforeEach
    void twoNodes(VigiEnvironment env) {
        ClusterSteps.requireTwoNodes(env);
    }

    @Test
    void aLinkIssuedOnAIsConfirmedOnBAndIsThenDeadOnA(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("clusterlink");
        WebSession browser = env.browserOn(A);
        Page codePage = Flows.codePage(browser, ClusterSteps.request(env, VigiClient.VMS_CLOUD), enrolled.user());
        Flows.assertPage(LostPhoneSupport.clickLostPhone(browser, codePage), "login-vigi-2fa-lost-sent");
        String link = env.inbox().latestActionLink(enrolled.user().email());
        assertTrue(link.startsWith(env.realmUrl()), "the link names the public URL: " + link);

        browser.via(env.nodes().get(B));
        Page confirm = browser.get(link);
        Flows.assertPage(confirm, CONFIRM_PAGE);
        Flows.assertPage(browser.submit(confirm.form(CONFIRM_FORM), Map.of()), DONE_PAGE);
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty(), "B removed the authenticator");

        Page reusedOnA = env.browserOn(A).get(link);
        assertEquals(400, reusedOnA.status(), reusedOnA.toString());
        assertTrue(reusedOnA.text().contains(USED), "A knows B used it: " + reusedOnA.text());
        assertEquals(1, LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL").size(), "one removal");
    }

    /** Without sticky sessions the link's GET and the confirm POST may land on different nodes. */
    @Test
    void aLinkOpenedOnBIsConfirmedOnA(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("clusterlinkba");
        WebSession browser = env.browserOn(B);
        Page codePage = Flows.codePage(browser, ClusterSteps.request(env, VigiClient.VMS_CLOUD), enrolled.user());
        Flows.assertPage(LostPhoneSupport.clickLostPhone(browser, codePage), "login-vigi-2fa-lost-sent");
        Page confirm = browser.get(env.inbox().latestActionLink(enrolled.user().email()));
        Flows.assertPage(confirm, CONFIRM_PAGE);

        browser.via(env.nodes().get(A));
        Page done = browser.submit(confirm.form(CONFIRM_FORM), Map.of());
        Flows.assertPage(done, DONE_PAGE);
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty(), "A removed the authenticator");
    }

    @Test
    void tenParallelConfirmsOfOneBrowserSplitAcrossNodesRemoveOnceAndAllShowDone(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("clusterlinkpar");
        WebSession original = env.browserOn(A);
        Page codePage = Flows.codePage(original, ClusterSteps.request(env, VigiClient.VMS_CLOUD), enrolled.user());
        Flows.assertPage(LostPhoneSupport.clickLostPhone(original, codePage), "login-vigi-2fa-lost-sent");
        Page confirm = original.get(env.inbox().latestActionLink(enrolled.user().email()));
        Flows.assertPage(confirm, CONFIRM_PAGE);

        // ten tabs of the browser that asked for the link (no password needed), five on each node, confirming at once
        List<Callable<Page>> confirms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            WebSession tab = env.browserOn(ClusterSteps.node(i));
            tab.cookies().putAll(original.cookies());
            confirms.add(() -> tab.submit(confirm.form(CONFIRM_FORM), Map.of()));
        }
        List<Page> answers = ClusterSteps.inParallel(confirms);

        // one confirm acts; the browser that confirmed sees the done page in every tab, on either node
        for (Page page : answers) {
            Flows.assertPage(page, DONE_PAGE);
        }
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty());
        assertEquals(1, LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL").size(), "one removal event");
        assertEquals(1, env.inbox().to(enrolled.user().email(), "was turned off").size(), "one notification");
    }
}
