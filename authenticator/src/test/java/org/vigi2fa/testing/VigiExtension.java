package org.vigi2fa.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Hands the one shared {@link VigiEnvironment} to tests and stops it when the whole run ends. */
final class VigiExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == VigiEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(VigiEnvironment.class.getName(), key -> new Closer(VigiEnvironment.get()), Closer.class).environment;
    }

    private record Closer(VigiEnvironment environment) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            environment.close();
        }
    }
}
