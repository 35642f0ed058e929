package org.vigi2fa.rollout;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The rollout policy's form in the admin console (Authentication, Required actions, the action's gear): labels and help. */
final class RolloutSettings {

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(RolloutIds.GROUPS).label("Groups that must have 2FA")
            .helpText("Group paths, e.g. /installers. Members of a group and of its subgroups are asked. Empty: none.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(RolloutIds.ROLES).label("Roles that must have 2FA")
            .helpText("Realm roles, or client roles as client-id.role. Holders of a role (also through a group or a composite) are asked. Empty: none.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(RolloutIds.CLIENTS).label("Applications that require 2FA")
            .helpText("Client ids, e.g. vigi-config-tool. A user signing in to one of them is asked there (also in the device grant's browser step), and elsewhere not unless a group or role applies. Empty: none.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(RolloutIds.DEADLINE).label("Deadline (date)")
            .helpText("From 00:00 UTC on this date (form 2027-03-31) a covered user without 2FA goes straight to turning it on. Empty: no date.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(RolloutIds.GRACE_DAYS).label("Days of grace")
            .helpText("Days after the policy first asks a user before that user must turn 2FA on. With a date too, the earlier applies. Empty: no limit in days.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(RolloutIds.POSTPONEMENTS).label("Postponements allowed")
            .helpText("How many times a user may choose \"Remind me later\" (0: never). After the last one the next sign-in goes straight to turning 2FA on.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Integer.toString(RolloutIds.DEFAULT_POSTPONEMENTS)).add()
            .build();

    private RolloutSettings() {
    }
}
