package dev.samokoder.local.sfn.asl;

import dev.samokoder.local.sfn.paths.JsonPath;

import java.util.List;

/** One element of a Catch field; a null resultPath discards the error output and keeps the state input. */
public record Catcher(List<String> errorEquals, JsonPath resultPath, String next) {
}
