package dev.samokoder.local.sfn.paths;

/** One step of a JSONPath after the root ({@code $} or {@code $$}). */
public sealed interface PathSegment {

    record Field(String name) implements PathSegment {
        @Override
        public String toString() {
            return "['" + name + "']";
        }
    }

    /** A negative index counts from the end of the array, as Jayway JsonPath (used by AWS) does. */
    record Index(int index) implements PathSegment {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    record Wildcard() implements PathSegment {
        @Override
        public String toString() {
            return "[*]";
        }
    }
}
