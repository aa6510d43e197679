package dev.tandem.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ledger.rest.AccountsResource;
import dev.tandem.ledger.rest.LedgersResource;
import dev.tandem.metrics.rest.MetricsResource;
import dev.tandem.transfer.rest.TransfersResource;
import dev.tandem.verification.rest.VerificationResource;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document (META-INF/openapi.yaml, served as written) and the JAX-RS resources name the same
 * operations: every resource method is documented, and every documented operation is a resource method.
 */
class OpenApiDocumentTest {

    private static final List<Class<?>> RESOURCES = List.of(CallerResource.class, AccountsResource.class, LedgersResource.class,
            TransfersResource.class, VerificationResource.class, MetricsResource.class);

    @Test
    void everyResourceMethodIsDocumentedAndNothingElse() throws IOException {
        assertThat(documented()).containsExactlyElementsOf(implemented());
    }

    @Test
    void theDocumentIsValidOpenApi3WithEveryReferenceResolved() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed;
        try (InputStream yaml = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            parsed = new OpenAPIV3Parser().readContents(new String(yaml.readAllBytes(), StandardCharsets.UTF_8), null, options);
        }

        assertThat(parsed.getMessages()).as("what the validator found").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKeys("TransferRequest", "Transfer", "Problem");
    }

    @Test
    void theDocumentLeavesTheServersToTheServer() throws IOException {
        assertThat(document()).as("Payara adds the context root to the servers, WildFly to the paths").doesNotContainKey("servers");
    }

    @Test
    void theResourcesListedHereAreAllTheApplicationHas() throws IOException {
        assertThat(resourceClassNames()).containsExactlyInAnyOrderElementsOf(RESOURCES.stream().map(Class::getName).toList());
    }

    /** "GET /api/transfers/{id}", … as the document has them. */
    private static Set<String> documented() throws IOException {
        @SuppressWarnings("unchecked")
        var paths = (Map<String, Map<String, Object>>) document().get("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    /** The same from the resource classes' annotations. */
    private static Set<String> implemented() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = "/" + TandemApplication.class.getAnnotation(ApplicationPath.class).value() + "/"
                    + resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path path = method.getAnnotation(Path.class);
                    operations.add(verb + " " + base + (path == null ? "" : "/" + path.value()));
                }
            }
        }
        return operations;
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        return method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    /** Every class of the web module with a {@code @Path}, found in its compiled classes. */
    private static Set<String> resourceClassNames() throws IOException {
        var root = Paths.get("target", "classes");
        try (var files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class") && !file.getFileName().toString().contains("$"))
                    .map(file -> root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(OpenApiDocumentTest::isResource)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean isResource(String className) {
        try {
            return Class.forName(className, false, OpenApiDocumentTest.class.getClassLoader()).isAnnotationPresent(Path.class);
        } catch (ClassNotFoundException | LinkageError unloadable) {
            return false;
        }
    }

    private static Map<String, Object> document() throws IOException {
        try (InputStream yaml = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return new Yaml().load(yaml);
        }
    }
}
