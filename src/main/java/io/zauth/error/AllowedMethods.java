package io.zauth.error;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP methods each endpoint path answers, read once from the resources' JAX-RS annotations,
 * for the {@code allowed_methods} of a 405 (Zulip lists them; the REST layer does not say).
 */
final class AllowedMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w+\\s*(?::([^}]*))?}");

    private static volatile Map<String, Set<String>> byPath;

    private AllowedMethods() {}

    static List<String> of(String path) {
        String normalized = normalize(path);
        Set<String> methods = index().get(normalized);
        if (methods == null) {
            methods = index().entrySet().stream()
                    .filter(entry -> entry.getKey().contains("{") && template(entry.getKey()).matcher(normalized).matches())
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return methods == null ? List.of() : List.copyOf(methods);
    }

    /** A path template's regular expression: {@code {name: regex}} keeps its regex, {@code {name}} is one segment. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(path);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(last, parameter.start())));
            regex.append('(').append(parameter.group(1) == null ? "[^/]+" : parameter.group(1).strip()).append(')');
            last = parameter.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(last))).toString());
    }

    private static Map<String, Set<String>> index() {
        Map<String, Set<String>> index = byPath;
        if (index == null) {
            index = new HashMap<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path classPath = bean.getBeanClass().getAnnotation(Path.class);
                if (classPath != null) {
                    addMethods(index, classPath.value(), bean.getBeanClass());
                }
            }
            byPath = index;
        }
        return index;
    }

    private static void addMethods(Map<String, Set<String>> index, String classPath, Class<?> resource) {
        for (Method method : resource.getMethods()) {
            for (Annotation annotation : method.getAnnotations()) {
                HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    Path methodPath = method.getAnnotation(Path.class);
                    String path = normalize(classPath + (methodPath == null ? "" : "/" + methodPath.value()));
                    index.computeIfAbsent(path, p -> new TreeSet<>()).add(http.value());
                }
            }
        }
    }

    private static String normalize(String path) {
        String collapsed = path.replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }
}
