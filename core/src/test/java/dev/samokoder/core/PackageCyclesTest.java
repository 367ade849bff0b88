package dev.samokoder.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of every module's main sources, read as text (imports and fully qualified names alike, string
 * literals aside), must not depend on each other in a cycle, a package and its sub-packages included: the layers
 * of each area point one way (the gateway above its providers, ledger and value types; the agents above their
 * loop, tools and artifacts; the API's entry points and wiring above its operations, above its pipeline and route
 * table).
 */
class PackageCyclesTest {

    private static final Pattern PACKAGE = Pattern.compile("^package (dev\\.samokoder[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.samokoder(?:\\.[a-z0-9_]+)+)\\.[A-Z]");
    /** A string literal: a class named in one (a Lambda's handler for CDK) is not a dependency of the code. */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");

    @Test
    void noPackagesDependOnEachOtherInACycle() throws IOException {
        Map<String, Set<String>> dependencies = dependencies(Path.of("..").toAbsolutePath().normalize());
        assertThat(dependencies).as("the packages read").containsKeys("dev.samokoder.core.config", "dev.samokoder.api",
                "dev.samokoder.local");

        List<Set<String>> cycles = cycles(dependencies);

        assertThat(cycles).as("packages that depend on each other in a cycle").isEmpty();
    }

    @Test
    void eachModuleDependsOnlyOnTheModulesBelowIt() throws IOException {
        Map<String, Set<String>> dependencies = dependencies(Path.of("..").toAbsolutePath().normalize());
        // the layers, lowest first: a package of one may name only its own layer's packages and those below
        List<String> layers = List.of("dev.samokoder.core", "dev.samokoder.sandbox", "dev.samokoder.services",
                "dev.samokoder.llm", "dev.samokoder.workflow");
        dependencies.forEach((name, targets) -> {
            int layer = layerOf(layers, name);
            if (layer < 0) {
                return;
            }
            for (String target : targets) {
                assertThat(layerOf(layers, target)).as(name + " names " + target).isBetween(0, layer);
            }
        });
    }

    private static int layerOf(List<String> layers, String name) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (name.equals(layers.get(i)) || name.startsWith(layers.get(i) + ".")) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theCycleFinder_findsEveryCycleAndNothingElse() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of(),
                "e", Set.of("f"), "f", Set.of("e"), "g", Set.of("a"));

        assertThat(cycles(graph)).containsExactlyInAnyOrder(Set.of("a", "b", "c"), Set.of("e", "f"));
    }

    /** Each package of the main sources and the packages of this project it names. */
    static Map<String, Set<String>> dependencies(Path repository) throws IOException {
        Map<String, List<String>> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(repository)) {
            for (Path file : files.filter(PackageCyclesTest::isMainSource).toList()) {
                String text = Files.readString(file);
                Matcher name = PACKAGE.matcher(text);
                if (name.find()) {
                    sources.computeIfAbsent(name.group(1), key -> new ArrayList<>()).add(text);
                }
            }
        }
        Map<String, Set<String>> dependencies = new TreeMap<>();
        sources.forEach((name, texts) -> {
            Set<String> targets = new TreeSet<>();
            for (String text : texts) {
                Matcher reference = REFERENCE.matcher(STRING.matcher(text).replaceAll("\"\""));
                while (reference.find()) {
                    String target = reference.group(1);
                    if (!target.equals(name) && sources.containsKey(target)) {
                        targets.add(target);
                    }
                }
            }
            dependencies.put(name, targets);
        });
        return dependencies;
    }

    private static boolean isMainSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/main/java/") && !path.contains("/node_modules/")
                && !path.contains("/target/") && !path.contains("/frontend/");
    }

    /** The strongly connected groups of more than one package (Tarjan's algorithm, without recursion). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> groups = new ArrayList<>();
        int[] counter = {0};
        for (String start : graph.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
            visit(start, index, low, stack, onStack, counter);
            work.push(Map.entry(start, graph.getOrDefault(start, Set.of()).iterator()));
            while (!work.isEmpty()) {
                String node = work.peek().getKey();
                java.util.Iterator<String> next = work.peek().getValue();
                if (next.hasNext()) {
                    String target = next.next();
                    if (!index.containsKey(target)) {
                        visit(target, index, low, stack, onStack, counter);
                        work.push(Map.entry(target, graph.getOrDefault(target, Set.of()).iterator()));
                    } else if (onStack.contains(target)) {
                        low.put(node, Math.min(low.get(node), index.get(target)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> group = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        group.add(member);
                    } while (!member.equals(node));
                    if (group.size() > 1) {
                        groups.add(group);
                    }
                }
            }
        }
        return groups;
    }

    private static void visit(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                              int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
    }
}
