package dev.samokoder.local.sfn.asl;

/** One thing wrong with a definition, located by state (null for top-level fields) and field. */
public record DefinitionProblem(String location, String state, String field, String message) {

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(location);
        if (state != null) {
            out.append(" (state '").append(state).append("'");
            if (field != null) {
                out.append(", field '").append(field).append("'");
            }
            out.append(")");
        } else if (field != null) {
            out.append(" (field '").append(field).append("')");
        }
        return out.append(": ").append(message).toString();
    }
}
