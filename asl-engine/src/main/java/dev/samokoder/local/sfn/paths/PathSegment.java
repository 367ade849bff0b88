package dev.samokoder.local.sfn.paths;

import java.util.List;

/**
 * One step of a JSONPath after the root ({@code $} or {@code $$}). {@link Field} and {@link Index} select at
 * most one node; the others may select several, which makes the path indefinite.
 */
public sealed interface PathSegment {

    /** {@code .name} or {@code ['name']}. */
    record Field(String name) implements PathSegment {
        @Override
        public String toString() {
            return "['" + name + "']";
        }
    }

    /** {@code [n]}. A negative index counts from the end of the array, as Jayway JsonPath (used by AWS) does. */
    record Index(int index) implements PathSegment {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    /** {@code [*]} or {@code .*}: every element of an array or every member value of an object. */
    record Wildcard() implements PathSegment {
        @Override
        public String toString() {
            return "[*]";
        }
    }

    /**
     * {@code ['a','b']}. As the last step it yields, as Jayway does, one object holding those of the members that
     * are present; elsewhere it yields each present member's value.
     */
    record Fields(List<String> names) implements PathSegment {
        public Fields {
            names = List.copyOf(names);
        }
    }

    /** {@code [0,2,-1]}: the elements at these indexes, in this order; indexes outside the array are skipped. */
    record Indexes(List<Integer> indexes) implements PathSegment {
        public Indexes {
            indexes = List.copyOf(indexes);
        }
    }

    /** {@code [start:end:step]} on an array; a null bound is open, negative bounds count from the end. */
    record Slice(Integer start, Integer end, int step) implements PathSegment {
    }

    /**
     * {@code [?( ... )]}: on an array, the elements for which the expression holds; on an object, the object
     * itself if the expression holds for it (Jayway's rule).
     */
    record Filter(FilterExpression expression) implements PathSegment {
    }

    /** {@code ..x}: the step {@code x} applied to the node and to every node below it, in document order. */
    record Descendants(PathSegment selector) implements PathSegment {
    }
}
