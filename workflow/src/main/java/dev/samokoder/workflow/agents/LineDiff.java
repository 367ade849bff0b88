package dev.samokoder.workflow.agents;

import dev.samokoder.services.runs.artifacts.Text;
import java.util.List;

/**
 * A coarse unified-style diff for CodeMonkey's self-review: the common leading and trailing lines
 * are dropped and the changed middle shown as removed and added lines. Linear in the file's size,
 * which matters more here than the smallest possible diff.
 */
final class LineDiff {

    private LineDiff() {
    }

    static String of(String before, String after, int maxChars) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        StringBuilder out = new StringBuilder("@@ -" + (start + 1) + "," + (endA - start) + " +" + (start + 1) + "," + (endB - start) + " @@\n");
        a.subList(start, endA).forEach(line -> out.append('-').append(line).append('\n'));
        b.subList(start, endB).forEach(line -> out.append('+').append(line).append('\n'));
        return Text.clip(out.toString(), maxChars);
    }
}
