package dev.samokoder.llm.replay;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it is written to a transcript: the exact keys the call was made
 * with, and whatever has the shape of a credential, whoever wrote it (a model may repeat a key it
 * saw in a description or a file). Each is replaced by {@value #REDACTED}.
 */
public final class Redactor {

    public static final String REDACTED = "[REDACTED]";

    /** Shapes of credentials, named in docs/llm.md. */
    private static final List<Pattern> SHAPES = List.of(
            // OpenAI, Anthropic and most providers' keys (sk-..., sk-proj-..., sk-ant-...), and Samokoder API keys (sk_...)
            Pattern.compile("\\bsk[-_][A-Za-z0-9_-]{16,}"),
            // AWS access key ids, and a secret access key written as an assignment
            Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"),
            Pattern.compile("(?i)(aws_secret_access_key|aws_session_token)(\\s*[=:]\\s*)[\"']?[A-Za-z0-9/+=]{20,}"),
            // GitHub, Slack and Google tokens
            Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"),
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{30,}"),
            // bearer tokens and JWTs (Samokoder access tokens among them)
            Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{16,}"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
            // private keys in PEM
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"));

    private final Set<String> secrets;

    /** @param secrets exact values to take out wherever they appear (the keys of the call); blanks are ignored */
    public Redactor(Set<String> secrets) {
        this.secrets = secrets.stream().filter(secret -> secret != null && secret.length() >= 8).collect(java.util.stream.Collectors.toSet());
    }

    public String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, REDACTED);
        }
        for (Pattern shape : SHAPES) {
            Matcher matcher = shape.matcher(out);
            StringBuilder redacted = new StringBuilder();
            while (matcher.find()) {
                // an assignment or "Bearer " keeps its name, so the text still reads
                String kept = matcher.groupCount() >= 1 && matcher.group(1) != null
                        ? matcher.group(1) + (matcher.groupCount() >= 2 && matcher.group(2) != null ? matcher.group(2) : "") : "";
                matcher.appendReplacement(redacted, Matcher.quoteReplacement(kept + REDACTED));
            }
            matcher.appendTail(redacted);
            out = redacted.toString();
        }
        return out;
    }
}
