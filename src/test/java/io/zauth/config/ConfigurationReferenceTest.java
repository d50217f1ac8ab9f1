package io.zauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every {@code zauth.*} property with the type and default the
 * {@code @ConfigMapping} interfaces give it, and the README's short table agrees with it: a
 * property added, renamed or given a new default without the documentation fails here.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("docs/configuration.md");
    private static final Path README = Path.of("README.md");
    /** A table row whose first cell is a property, {@code | `zauth.…` | …}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`zauth\\..*");
    /** Map keys are written as a quoted placeholder, {@code "<name>"}; SmallRye writes {@code *}. */
    private static final Pattern MAP_KEY = Pattern.compile("\"<[a-z-]+>\"");
    private static final String NO_DEFAULT = "—";

    record Property(String name, String type, String defaultValue) {}

    record Documented(String name, String type, String defaultValue) {}

    @Test
    void everyMappedPropertyIsDocumentedAndNothingElse() throws Exception {
        Set<String> documented = documented(REFERENCE, 2).keySet();
        Set<String> derived = derived().keySet();
        Set<String> undocumented = new TreeSet<>(derived);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(derived);
        assertEquals(Set.of(), undocumented, "properties in the code but not in docs/configuration.md");
        assertEquals(Set.of(), unknown, "properties in docs/configuration.md that the code does not have");
    }

    @Test
    void documentedDefaultsAndTypesAreTheMappingsOwn() throws Exception {
        Map<String, Documented> documented = documented(REFERENCE, 2);
        List<String> wrong = new ArrayList<>();
        derived().forEach((name, property) -> {
            Documented row = documented.get(name);
            if (row == null) {
                return;
            }
            if (!row.defaultValue().equals(property.defaultValue())) {
                wrong.add(name + ": default " + row.defaultValue() + ", code says " + property.defaultValue());
            }
            if (!row.type().equals(property.type())) {
                wrong.add(name + ": type " + row.type() + ", code says " + property.type());
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theReadmesShortTableAgreesWithTheReference() throws Exception {
        Map<String, Documented> readme = documented(README, 1);
        Map<String, Property> derived = derived();
        assertFalse(readme.isEmpty(), "the README lists the most-used properties");
        readme.forEach((name, row) -> {
            assertTrue(derived.containsKey(name), "README names an unknown property " + name);
            assertEquals(derived.get(name).defaultValue(), row.defaultValue(), "README default of " + name);
        });
    }

    /** Our walk names properties exactly as SmallRye does when it binds them. */
    @Test
    void namesAreDerivedAsSmallRyeDerivesThem() throws Exception {
        Set<String> smallrye = new TreeSet<>();
        for (Class<?> mapping : mappings()) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping, prefix)).keySet().stream()
                    .filter(name -> !name.endsWith("[*]"))
                    .forEach(smallrye::add);
        }
        Set<String> ours = derived().keySet().stream().map(name -> MAP_KEY.matcher(name).replaceAll("*"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(smallrye, ours);
    }

    @Test
    void everyConfigMappingIsWalked() throws Exception {
        List<Class<?>> mappings = mappings();
        assertTrue(mappings.contains(ZauthConfig.class), mappings.toString());
        assertTrue(mappings.contains(io.zauth.password.PasswordHashingConfig.class), mappings.toString());
    }

    // ---- the code's side ------------------------------------------------------------------

    /** Every property of every mapping, keyed by its name with map keys as {@code "<name>"}. */
    static Map<String, Property> derived() throws Exception {
        Map<String, Property> properties = new TreeMap<>();
        for (Class<?> mapping : mappings()) {
            walk(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), properties);
        }
        return properties;
    }

    /** Every {@code @ConfigMapping} interface compiled from src/main/java. */
    static List<Class<?>> mappings() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(ZauthConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ConfigurationReferenceTest.class.getClassLoader());
                if (type.isAnnotationPresent(ConfigMapping.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    private static void walk(Class<?> group, String prefix, Map<String, Property> into) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() != 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + propertyName(method);
            Type type = method.getGenericReturnType();
            Type unwrapped = unwrapOptional(type);
            if (isGroup(unwrapped)) {
                walk((Class<?>) unwrapped, name, into);
            } else if (isMap(unwrapped)) {
                Type value = ((ParameterizedType) unwrapped).getActualTypeArguments()[1];
                String keyed = name + "." + placeholder(method);
                if (isGroup(value)) {
                    walk((Class<?>) value, keyed, into);
                } else {
                    into.put(keyed, new Property(keyed, typeName(value), defaultOf(method)));
                }
            } else {
                into.put(name, new Property(name, typeName(unwrapped), defaultOf(method)));
            }
        }
    }

    /** SmallRye's default naming: {@code @WithName}, else the method name in kebab case. */
    private static String propertyName(Method method) {
        WithName withName = method.getAnnotation(WithName.class);
        return withName != null ? withName.value() : ConfigMapping.NamingStrategy.KEBAB_CASE.apply(method.getName());
    }

    /** What a map key stands for, as the documentation writes it. */
    private static String placeholder(Method method) {
        return switch (method.getName()) {
            case "organizations", "accessControl" -> "\"<subdomain>\"";
            default -> "\"<name>\"";
        };
    }

    private static String defaultOf(Method method) {
        WithDefault withDefault = method.getAnnotation(WithDefault.class);
        return withDefault == null ? NO_DEFAULT : withDefault.value();
    }

    private static boolean isGroup(Type type) {
        return type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("io.zauth.");
    }

    private static boolean isMap(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Map.class;
    }

    private static Type unwrapOptional(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return p.getActualTypeArguments()[0];
        }
        if (type == OptionalInt.class) {
            return int.class;
        }
        if (type == OptionalLong.class) {
            return long.class;
        }
        return type;
    }

    /** The type as the reference's Type column names it. */
    static String typeName(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return "list of " + typeName(p.getActualTypeArguments()[0]) + "s";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == Duration.class) {
            return "duration";
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return Arrays.stream(c.getEnumConstants()).map(v -> v.toString().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(" or "));
        }
        if (type instanceof Class<?> c) {
            return c.getSimpleName().toLowerCase(Locale.ROOT);
        }
        throw new AssertionError("no documented name for type " + type);
    }

    // ---- the documentation's side ---------------------------------------------------------

    /**
     * The property rows of a file's tables. The reference's columns are Property, Type, Default,
     * Meaning; the README's Property, Default, Meaning (no type).
     */
    static Map<String, Documented> documented(Path file, int defaultColumn) throws IOException {
        Map<String, Documented> rows = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            if (ROW.matcher(line).matches()) {
                String[] cells = line.substring(1).split("\\|", -1);
                String name = unquote(cells[0]);
                String type = defaultColumn == 2 ? unquote(cells[1]) : null;
                Documented previous = rows.put(name, new Documented(name, type, unquote(cells[defaultColumn])));
                assertEquals(null, previous, file + " lists " + name + " twice");
            }
        }
        return rows;
    }

    private static String unquote(String cell) {
        String trimmed = cell.strip();
        return trimmed.length() > 1 && trimmed.startsWith("`") && trimmed.endsWith("`")
                ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }
}
