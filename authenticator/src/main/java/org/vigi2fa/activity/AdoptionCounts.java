package org.vigi2fa.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.vigi2fa.trust.TrustIds;

/**
 * The adoption report's figures as COUNT queries on Keycloak's credential and user tables and on the activity table,
 * never a walk over users: a realm of 100,000 users costs a handful of indexed counts, and the weeks one range count
 * each on the activity table's (realm, time) index. The activity kinds are the product's event-detail values, owned by
 * the capabilities that record them (as in {@link ActivityKinds}).
 */
final class AdoptionCounts {

    private static final long WEEK_MILLIS = 7L * 86_400_000L;
    private static final Set<String> ENROLMENTS = Set.of("enabled");
    private static final Set<String> TURN_OFFS = Set.of("settings-disable", "account-console-delete", "lost-phone-confirm",
            "removed-by-admin");
    private static final Set<String> LOST_PHONE_LINKS = Set.of("lost-phone-link");
    private static final Set<String> LOST_PHONE_CONFIRMED = Set.of("lost-phone-confirm");
    /**
     * How the recovery codes' JSON names the count left: Keycloak writes {@code "remainingCodes":2} (its getter) and
     * reads {@code "remaining":2} too (its creator), so a set imported in either form is read.
     */
    static final List<String> REMAINING = List.of("%\"remainingCodes\":", "%\"remaining\":");

    private AdoptionCounts() {
    }

    static AdoptionReport of(KeycloakSession session, RealmModel realm, int weeks) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        long users = em.createQuery("select count(u) from UserEntity u where u.realmId = :realmId"
                + " and u.serviceAccountClientLink is null", Long.class).setParameter("realmId", realm.getId()).getSingleResult();
        long withTwoFactor = usersWith(em, realm, OTPCredentialModel.TYPE);
        long withTrusted = usersWith(em, realm, TrustIds.CREDENTIAL_TYPE);
        List<AdoptionReport.Week> history = new ArrayList<>();
        long now = Time.currentTimeMillis();
        for (int i = 0; i < weeks; i++) {
            history.add(week(em, realm, now - (i + 1) * WEEK_MILLIS, now - i * WEEK_MILLIS));
        }
        return new AdoptionReport(realm.getName(), users, withTwoFactor, users - withTwoFactor, fewRecoveryCodes(em, realm),
                withTrusted, history);
    }

    private static long usersWith(EntityManager em, RealmModel realm, String type) {
        return em.createQuery("select count(distinct c.user.id) from CredentialEntity c where c.user.realmId = :realmId"
                + " and c.type = :type", Long.class).setParameter("realmId", realm.getId()).setParameter("type", type)
                .getSingleResult();
    }

    /** Users whose recovery codes are down to 0, 1 or 2 (the count left closes the JSON object or precedes a field). */
    private static long fewRecoveryCodes(EntityManager em, RealmModel realm) {
        List<String> left = new ArrayList<>();
        for (int n = 0; n < AdoptionReport.FEW_RECOVERY_CODES; n++) {
            for (String key : REMAINING) {
                left.add("c.credentialData like '" + key + n + "}%'");
                left.add("c.credentialData like '" + key + n + ",%'");
            }
        }
        return em.createQuery("select count(distinct c.user.id) from CredentialEntity c where c.user.realmId = :realmId"
                + " and c.type = :type and (" + String.join(" or ", left) + ")", Long.class).setParameter("realmId", realm.getId())
                .setParameter("type", RecoveryAuthnCodesCredentialModel.TYPE).getSingleResult();
    }

    private static AdoptionReport.Week week(EntityManager em, RealmModel realm, long from, long to) {
        Map<String, Long> byKind = em.createQuery("select a.kind, count(a) from ActivityEntity a where a.realmId = :realmId"
                + " and a.createdAt >= :from and a.createdAt < :to group by a.kind", Object[].class)
                .setParameter("realmId", realm.getId()).setParameter("from", from).setParameter("to", to)
                .getResultStream().collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
        return new AdoptionReport.Week(from, to, sum(byKind, ENROLMENTS), sum(byKind, TURN_OFFS), sum(byKind, LOST_PHONE_LINKS),
                sum(byKind, LOST_PHONE_CONFIRMED));
    }

    private static long sum(Map<String, Long> byKind, Set<String> kinds) {
        return kinds.stream().mapToLong(kind -> byKind.getOrDefault(kind, 0L)).sum();
    }
}
