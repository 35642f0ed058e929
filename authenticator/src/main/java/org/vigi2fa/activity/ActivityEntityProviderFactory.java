package org.vigi2fa.activity;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Adds the activity table to Keycloak's persistence unit (the server picks the entity up when it builds, and runs the
 * changelog on start, on every database it supports); at start it also wires the table's clean-up ({@link ActivityCleanup}).
 */
public final class ActivityEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return List.of(ActivityEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return ActivityIds.CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return ActivityIds.PROVIDER_ID;
    }

    @Override
    public String getId() {
        return ActivityIds.PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ActivityCleanup.start(factory);
    }

    @Override
    public void close() {
    }
}
