package dev.tablecloud.it;

import dev.tablecloud.web.api.ApiApplication;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the server serves at /openapi, as a user of the API reads it: every
 * resource method of the web module appears as an operation (found by reflection, so a new
 * resource cannot slip in undocumented), each says what it answers on success with a schema and
 * what it takes in its body, each failure is a problem detail, and the document says how to sign in.
 */
class OpenApiIT extends DeployedTablecloud {

    private static final Set<String> PARAMETER_ANNOTATIONS = Set.of(PathParam.class.getName(),
            QueryParam.class.getName(), HeaderParam.class.getName(), CookieParam.class.getName(),
            MatrixParam.class.getName(), FormParam.class.getName(), BeanParam.class.getName(),
            Context.class.getName());

    @Test
    void everyResourceMethodIsAnOperationWithSchemasAndProblemDetailErrors() throws Exception {
        JsonObject document = document();
        JsonObject paths = document.getJsonObject("paths");
        Map<String, Method> resourceMethods = resourceMethods();
        assertThat(resourceMethods).as("resource methods found by reflection").hasSizeGreaterThan(40);

        Map<String, String> documented = new TreeMap<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(key -> HTTP_METHODS.contains(key))
                .forEach(method -> documented.put(method.toUpperCase(Locale.ROOT) + " " + path, path)));
        assertThat(documented.keySet()).as("the document's operations are the resources' methods")
                .containsExactlyInAnyOrderElementsOf(resourceMethods.keySet());

        List<String> problems = new ArrayList<>();
        resourceMethods.forEach((operationName, method) -> {
            String[] methodAndPath = operationName.split(" ", 2);
            JsonObject operation = paths.getJsonObject(methodAndPath[1])
                    .getJsonObject(methodAndPath[0].toLowerCase(Locale.ROOT));
            JsonObject responses = operation.getJsonObject("responses");
            List<String> successes = responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
            if (successes.isEmpty()) {
                problems.add(operationName + ": no success answer");
            }
            for (String code : successes) {
                if (!code.equals("204") && !everyMediaTypeHasASchema(responses.getJsonObject(code))) {
                    problems.add(operationName + ": answer " + code + " without a schema");
                }
            }
            if (takesABody(method)) {
                if (!operation.containsKey("requestBody")
                        || !everyMediaTypeHasASchema(operation.getJsonObject("requestBody"))) {
                    problems.add(operationName + ": its body has no schema");
                }
            }
            for (String code : List.of("400", "404", "default")) {
                if (!refersToTheProblem(responses.getJsonObject(code))) {
                    problems.add(operationName + ": answer " + code + " is not a problem detail");
                }
            }
            boolean open = operationName.equals("GET /api/v1/health");
            if (!open && !refersToTheProblem(responses.getJsonObject("401"))) {
                problems.add(operationName + ": answer 401 is not a problem detail");
            }
        });
        assertThat(problems).as("operations documented short of what they do").isEmpty();
    }

    @Test
    void saysHowToSignInAndWhatAProblemDetailHolds() throws Exception {
        JsonObject document = document();
        assertThat(document.getString("openapi")).startsWith("3.");
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Tablecloud API");
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertThat(schemes.getJsonObject("basic").getString("scheme")).isEqualTo("basic");
        assertThat(schemes.getJsonObject("bearer").getString("scheme")).isEqualTo("bearer");
        assertThat(document.getJsonArray("security").stream().map(JsonValue::asJsonObject)
                .flatMap(requirement -> requirement.keySet().stream())).containsExactlyInAnyOrder("basic", "bearer");
        JsonObject health = document.getJsonObject("paths").getJsonObject("/api/v1/health").getJsonObject("get");
        assertThat(health.getJsonArray("security")).as("health needs no sign-in")
                .containsExactly(JsonValue.EMPTY_JSON_OBJECT);

        JsonObject problem = document.getJsonObject("components").getJsonObject("schemas")
                .getJsonObject("ProblemDetail");
        assertThat(problem.getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "errors");
    }

    @Test
    void isServedAsYamlToo() throws Exception {
        HttpResponse<String> yaml = fetch("/openapi", "application/yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("---").contains("/api/v1/environments:");
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private JsonObject document() throws Exception {
        HttpResponse<String> reply = fetch("/openapi", "application/json");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readObject();
        }
    }

    private HttpResponse<String> fetch(String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(deployment.toString()).resolve(path))
                .header("Accept", accept).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean everyMediaTypeHasASchema(JsonObject withContent) {
        if (withContent == null || !withContent.containsKey("content")
                || withContent.getJsonObject("content").isEmpty()) {
            return false;
        }
        return withContent.getJsonObject("content").values().stream().map(JsonValue::asJsonObject)
                .allMatch(mediaType -> mediaType.containsKey("schema") && !mediaType.getJsonObject("schema").isEmpty());
    }

    private static boolean refersToTheProblem(JsonObject response) {
        if (response == null || !response.containsKey("content")) {
            return false;
        }
        JsonObject problem = response.getJsonObject("content").getJsonObject("application/problem+json");
        return problem != null && problem.getJsonObject("schema").getString("$ref", "")
                .equals("#/components/schemas/ProblemDetail");
    }

    /** A parameter of a resource method that no JAX-RS annotation binds is the request's body. */
    private static boolean takesABody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean bound = Stream.of(parameter.getAnnotations())
                    .anyMatch(annotation -> PARAMETER_ANNOTATIONS.contains(annotation.annotationType().getName()));
            if (!bound) {
                return true;
            }
        }
        return false;
    }

    /** "GET /api/v1/environments/{name}" → the method, for every resource method of the web module's API. */
    private static Map<String, Method> resourceMethods() throws Exception {
        String root = "/" + ApiApplication.class.getAnnotation(ApplicationPath.class).value().replaceAll("^/|/$", "");
        Map<String, Method> methods = new TreeMap<>();
        for (Class<?> resource : apiClasses()) {
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String path = join(root, classPath.value(), methodPath == null ? "" : methodPath.value());
                methods.put(httpMethod + " " + path, method);
            }
        }
        return methods;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    /** Joins path segments as JAX-RS does, and writes {@code {id: [0-9]+}} as OpenAPI does: {@code {id}}. */
    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString().replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }

    /** Every class under the API's package in the web module's classes (a jar, or a directory in an IDE). */
    private static List<Class<?>> apiClasses() throws Exception {
        java.nio.file.Path location = java.nio.file.Path.of(
                ApiApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String prefix = ApiApplication.class.getPackageName().replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<java.nio.file.Path> files = Files.walk(location.resolve(prefix))) {
                files.map(file -> location.relativize(file).toString().replace('\\', '/')).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith(prefix)).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".class") && !name.endsWith("package-info.class")) {
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                        false, OpenApiIT.class.getClassLoader()));
            }
        }
        return classes;
    }
}
