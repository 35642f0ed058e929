package org.vigi2fa.metrics;

import static org.vigi2fa.metrics.MetricsIds.TAG_REALM;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The product's counters and the code step's timer, in the Micrometer registry Keycloak serves on {@code /metrics} of
 * its management port ({@code --metrics-enabled=true}), registered as Keycloak's own user-event counter is: on
 * {@link Metrics#globalRegistry}. Without metrics that registry holds no registry, so a count is a map look-up. Tags are
 * the realm's name and the values of {@link MetricsIds}: never a user, an address or a secret. A count never fails the
 * request it is made in; a change is counted once its transaction commits.
 */
public final class VigiMetrics {

    private static final Logger LOG = Logger.getLogger(VigiMetrics.class);

    private static final MeterProvider<Counter> ENROLMENTS = counter(MetricsIds.METER_ENROLMENTS, "2FA turned on");
    private static final MeterProvider<Counter> TURN_OFFS = counter(MetricsIds.METER_TURN_OFFS, "2FA turned off, by path");
    private static final MeterProvider<Counter> SIGN_INS = counter(MetricsIds.METER_SIGN_INS, "Sign-ins by second factor");
    private static final MeterProvider<Counter> WRONG_CODES = counter(MetricsIds.METER_WRONG_CODES, "Wrong authenticator codes");
    private static final MeterProvider<Counter> LOCKOUTS = counter(MetricsIds.METER_LOCKOUTS, "Brute-force lockouts in 2FA realms");
    private static final MeterProvider<Counter> LOST_PHONE = counter(MetricsIds.METER_LOST_PHONE_LINKS, "Lost-phone links by outcome");
    private static final MeterProvider<Counter> REPORTS = counter(MetricsIds.METER_NOT_ME_REPORTS, "Confirmed \"This wasn't me\" reports");
    private static final MeterProvider<Counter> MAILS = counter(MetricsIds.METER_SECURITY_MAILS, "Security mails by outcome");
    private static final MeterProvider<Timer> CODE_STEP = Timer.builder(MetricsIds.METER_CODE_STEP)
            .description("Time the sign-in code step takes to answer a submitted form").withRegistry(Metrics.globalRegistry);

    private VigiMetrics() {
    }

    public static void enrolled(KeycloakSession session, RealmModel realm) {
        afterCommit(session, ENROLMENTS, realm);
    }

    /** 2FA is off for a user; {@code path} is one of {@code MetricsIds.PATH_*}. */
    public static void turnedOff(KeycloakSession session, RealmModel realm, String path) {
        afterCommit(session, TURN_OFFS, realm, MetricsIds.TAG_PATH, path);
    }

    /** A sign-in passed the second factor; {@code factor} is one of {@code MetricsIds.FACTOR_*}. */
    public static void signedIn(KeycloakSession session, RealmModel realm, String factor) {
        afterCommit(session, SIGN_INS, realm, MetricsIds.TAG_FACTOR, factor);
    }

    /** A wrong code (not a malformed one); {@code step} is one of {@code MetricsIds.STEP_*}. Counted at once: a failure commits. */
    public static void wrongCode(RealmModel realm, String step) {
        now(WRONG_CODES, realm.getName(), MetricsIds.TAG_STEP, step);
    }

    /** Keycloak locked a user of a 2FA realm; {@code lockout} is one of {@code MetricsIds.LOCKOUT_*}. */
    public static void lockedOut(String realmName, String lockout) {
        now(LOCKOUTS, realmName, MetricsIds.TAG_LOCKOUT, lockout);
    }

    /** {@code outcome}: {@code OUTCOME_SENT}, {@code OUTCOME_REFUSED} or {@code OUTCOME_CONFIRMED}. */
    public static void lostPhoneLink(KeycloakSession session, RealmModel realm, String outcome) {
        afterCommit(session, LOST_PHONE, realm, MetricsIds.TAG_OUTCOME, outcome);
    }

    public static void reported(KeycloakSession session, RealmModel realm) {
        afterCommit(session, REPORTS, realm);
    }

    /** A security mail was handed to the mail server or failed; tagged with the product's template name, without {@code .ftl}. */
    public static void mail(RealmModel realm, String template, boolean sent) {
        String mail = template != null && template.endsWith(".ftl") ? template.substring(0, template.length() - 4) : template;
        String outcome = sent ? MetricsIds.OUTCOME_SENT : MetricsIds.OUTCOME_FAILED;
        now(MAILS, realm.getName(), MetricsIds.TAG_MAIL, mail, MetricsIds.TAG_OUTCOME, outcome);
    }

    /** The code step answered a form after {@code nanos}. */
    public static void codeStep(RealmModel realm, long nanos) {
        try {
            CODE_STEP.withTags(Tags.of(TAG_REALM, realm.getName())).record(Duration.ofNanos(nanos));
        } catch (RuntimeException e) {
            LOG.debug("Code step not timed", e);
        }
    }

    private static MeterProvider<Counter> counter(String name, String description) {
        return Counter.builder(name).description(description).withRegistry(Metrics.globalRegistry);
    }

    /** Counts when the request's transaction commits (nothing on a rollback), at once outside a transaction. */
    private static void afterCommit(KeycloakSession session, MeterProvider<Counter> counter, RealmModel realm, String... tags) {
        String realmName = realm.getName();
        if (session == null || !session.getTransactionManager().isActive()) {
            now(counter, realmName, tags);
            return;
        }
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                now(counter, realmName, tags);
            }

            @Override
            protected void rollbackImpl() {
                // nothing happened, nothing to count
            }
        });
    }

    /** Counts at once; the tags are made inside the guard, so not even a realm without a name fails the caller. */
    private static void now(MeterProvider<Counter> counter, String realmName, String... tags) {
        try {
            counter.withTags(Tags.of(TAG_REALM, realmName).and(tags)).increment();
        } catch (RuntimeException e) {
            LOG.debug("Not counted", e);
        }
    }
}
