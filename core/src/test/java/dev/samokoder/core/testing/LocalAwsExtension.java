package dev.samokoder.core.testing;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.storage.Storage;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the embedded AWS stack: {@code @ExtendWith(LocalAwsExtension.class)}, then ask for
 * a {@link LocalAws}, {@link AwsClients}, {@link SamokoderConfig} or {@link Storage} parameter.
 * The stack starts once per test JVM, on first use, and stops when the JVM's tests are done
 * (JUnit closes what the root store holds).
 */
public final class LocalAwsExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalAws.class || type == AwsClients.class || type == SamokoderConfig.class || type == Storage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalAws aws = localAws(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == AwsClients.class) {
            return aws.clients();
        }
        if (type == SamokoderConfig.class) {
            return aws.config();
        }
        if (type == Storage.class) {
            return aws.storage();
        }
        return aws;
    }

    /** The one stack of this test JVM, started on first use. */
    public static LocalAws localAws(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalAws.class, key -> LocalAws.start(), LocalAws.class);
    }
}
