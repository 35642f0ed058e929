package org.vigi2fa.it.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vigi2fa.demo.DemoLinks;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.server.OperatorInstall;

/**
 * The server of the README's run command (`mvn -B -Prun verify`) as it starts there: the product's shipped settings and
 * the provider JAR alone. Every address the run prints lands where its label says, and turning 2FA on ends with the
 * recovery-code offer the README promises (the suite's own server has it off; it/recovery turns it on per test).
 */
@EnabledIfSystemProperty(named = "vigi.server", matches = "dist",
        disabledReason = "starts its own copy of the unpacked distribution, which only the distribution mode has")
class RunCommandIT {

    @Test
    void thePrintedAddressesLandWhereTheySayAndTurningOnEndsWithRecoveryCodes() {
        OperatorInstall install = OperatorInstall.asShipped("run");
        try (VigiEnvironment run = VigiEnvironment.over(install.start(OperatorInstall.productOnly()), install.smtpPort())) {
            Map<String, String> printed = DemoLinks.server(run.baseUrl());
            assertEquals(3, printed.size(), printed.toString());
            printed.forEach((label, url) -> {
                Optional<URI> landing = DemoLinks.landing(url);
                assertTrue(landing.isPresent(), label + " " + url + " answers");
                // the consoles are pages of their own (they sign in from the browser): no redirect to an error page
                assertTrue(landing.get().getPath().startsWith(URI.create(url).getPath()), label + " lands on " + landing.get());
            });

            InstallSteps.Enrolled enrolled = InstallSteps.turnOn(run, "run");
            assertEquals(12, enrolled.recoveryCodes().size(), "the offer at the end of turning 2FA on");
        }
    }
}
