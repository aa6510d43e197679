package dev.tandem.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Payara's CDI integration ({@code InjectionServicesImpl.aroundInject}) skips the field and initializer
 * injection of a bean when no Jakarta EE component is current on the thread that creates it: it logs "No valid
 * EE environment for injection" at FINE and never lets Weld inject. An observer first created on such a thread
 * (after a server restart under load) stays an application-scoped instance with null fields for good; large
 * transfer alerts were lost that way. Constructor injection is not subject to it, so the application's plain
 * CDI beans (not enterprise beans, whose container sets the component up) take their dependencies as
 * constructor parameters.
 */
class NoFieldInjectionTest {

    private static final List<Class<? extends Annotation>> CDI_SCOPES = List.of(ApplicationScoped.class, RequestScoped.class, Dependent.class);

    @Test
    void noPlainCdiBeanOfTheApplicationHasAnInjectedField() throws Exception {
        List<Class<?>> beans = applicationClasses().filter(type -> CDI_SCOPES.stream().anyMatch(type::isAnnotationPresent)).toList();

        assertThat(beans).as("the plain CDI beans found").contains(LargeTransferAlerts.class);
        assertThat(beans.stream().flatMap(type -> Arrays.stream(type.getDeclaredFields())).filter(field -> field.isAnnotationPresent(Inject.class))
                .map(Field::toString)).isEmpty();
    }

    /** Every class compiled from this module's main sources. */
    private static Stream<Class<?>> applicationClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(LargeTransferAlerts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class") && !file.getFileName().toString().contains("$"))
                    .map(file -> classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", ""))
                    .map(NoFieldInjectionTest::load).toList().stream();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NoFieldInjectionTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
