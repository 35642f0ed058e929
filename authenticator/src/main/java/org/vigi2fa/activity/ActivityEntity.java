package org.vigi2fa.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One security event of a user, a row of the extension's own table in Keycloak's database (created and upgraded by
 * Keycloak's Liquibase run from {@code META-INF/vigi-2fa-activity-changelog.xml}). Never joined to Keycloak's user
 * table: writing a row leaves the user entity, its cache entry and its credentials untouched.
 */
@Entity
@Table(name = "VIGI_2FA_ACTIVITY")
@NamedQueries({
    @NamedQuery(name = "vigi2faActivityOfUser", query = "select a from ActivityEntity a where a.realmId = :realmId"
            + " and a.userId = :userId and a.createdAt >= :since order by a.createdAt desc, a.id desc"),
    @NamedQuery(name = "vigi2faActivityLastWith", query = "select a from ActivityEntity a where a.realmId = :realmId"
            + " and a.userId = :userId and a.kind in :kinds and a.credentialId = :credentialId order by a.createdAt desc"),
    @NamedQuery(name = "vigi2faActivitySameDevice", query = "select a.id from ActivityEntity a where a.realmId = :realmId"
            + " and a.userId = :userId and a.kind in :kinds and a.deviceId = :deviceId and a.clientId = :clientId"
            + " and a.createdAt >= :since"),
    @NamedQuery(name = "vigi2faActivityOfDevice", query = "select a.id from ActivityEntity a where a.realmId = :realmId"
            + " and a.userId = :userId and a.deviceId = :deviceId"),
    @NamedQuery(name = "vigi2faActivityAnyDevice", query = "select a.id from ActivityEntity a where a.realmId = :realmId"
            + " and a.userId = :userId and a.deviceId is not null"),
    @NamedQuery(name = "vigi2faActivitySameLabel", query = "select a.id from ActivityEntity a where a.realmId = :realmId"
            + " and a.userId = :userId and a.kind in :kinds and a.device = :device and a.ipAddress = :ipAddress"
            + " and a.createdAt >= :since"),
    @NamedQuery(name = "vigi2faActivityDeleteUser", query = "delete from ActivityEntity a where a.realmId = :realmId"
            + " and a.userId = :userId"),
    @NamedQuery(name = "vigi2faActivityDeleteRealm", query = "delete from ActivityEntity a where a.realmId = :realmId"),
    @NamedQuery(name = "vigi2faActivityDeleteOld", query = "delete from ActivityEntity a where a.realmId = :realmId"
            + " and a.createdAt < :before")
})
public class ActivityEntity {

    @Id
    @Column(name = "ID", length = 36)
    protected String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    protected String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    protected String userId;

    /** Keycloak's time, in milliseconds. */
    @Column(name = "CREATED_AT", nullable = false)
    protected long createdAt;

    @Column(name = "KIND", length = 64, nullable = false)
    protected String kind;

    @Column(name = "CLIENT_ID", length = 255)
    protected String clientId;

    @Column(name = "CREDENTIAL_ID", length = 36)
    protected String credentialId;

    @Column(name = "DEVICE", length = 255)
    protected String device;

    @Column(name = "IP_ADDRESS", length = 64)
    protected String ipAddress;

    @Column(name = "DEVICE_ID", length = 36)
    protected String deviceId;
}
