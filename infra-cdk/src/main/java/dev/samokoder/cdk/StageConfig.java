package dev.samokoder.cdk;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What differs between the stages: names, how long logs live, whether data survives a
 * tear-down, how many availability zones the sandbox subnets span. Everything else is the same
 * in dev and prod, so dev tests what prod runs.
 *
 * @param name           {@code dev} or {@code prod}; part of every resource name
 * @param corsOrigins    extra browser origins allowed to call the API (the site itself is the
 *                       same origin: CloudFront serves {@code /v1/*} from the API)
 * @param llmModel       {@code SAMOKODER_LLM_MODEL} for the agents; empty keeps the default
 * @param alarmEmail     where alarms are sent; empty: alarms only show in CloudWatch
 * @param previewDomain  the domain live previews are served under ({@code <project>.<domain>}); empty: the stage has no
 *                       live previews (docs/preview.md)
 * @param previewCertificateArn an ACM certificate of {@code *.<previewDomain>} in the stage's region, for the preview
 *                       front's load balancer; with {@code previewDomain} only
 */
public record StageConfig(String name, List<String> corsOrigins, String llmModel, String alarmEmail, String previewDomain,
                          String previewCertificateArn) {

    private static final Pattern NAME = Pattern.compile("dev|prod");

    public StageConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the stage is dev or prod, not " + name);
        }
        corsOrigins = List.copyOf(corsOrigins);
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                throw new IllegalArgumentException("not a browser origin (scheme://host[:port]): " + origin);
            }
        }
        llmModel = llmModel == null ? "" : llmModel;
        alarmEmail = alarmEmail == null ? "" : alarmEmail;
        previewDomain = previewDomain == null ? "" : previewDomain.toLowerCase(Locale.ROOT);
        previewCertificateArn = previewCertificateArn == null ? "" : previewCertificateArn;
        if (!previewDomain.isEmpty() && !previewDomain.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
            throw new IllegalArgumentException("previewDomain is a DNS name (previews are served at <project>.<domain>), not " + previewDomain);
        }
        if (previewDomain.isEmpty() != previewCertificateArn.isEmpty()
                || !previewCertificateArn.isEmpty() && !previewCertificateArn.matches("arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("previews need both previewDomain and previewCertificateArn (an ACM certificate of *.<domain>)");
        }
    }

    /** A stage without live previews and with nothing else set. */
    public StageConfig(String name, List<String> corsOrigins, String llmModel, String alarmEmail) {
        this(name, corsOrigins, llmModel, alarmEmail, "", "");
    }

    /** Whether the stage serves live previews (a domain and its certificate are set). */
    public boolean previews() {
        return !previewDomain.isEmpty();
    }

    public static StageConfig of(String name) {
        return new StageConfig(name, List.of(), "", "");
    }

    public boolean production() {
        return name.equals("prod");
    }

    /** {@code samokoder-dev-...}: the prefix of every named resource. */
    public String prefix() {
        return "samokoder-" + name;
    }

    /** {@code SamokoderDev}: the prefix of the stacks' names. */
    public String stackPrefix() {
        return "Samokoder" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** Data (table, bucket) is kept on tear-down in prod, deleted with the stack in dev. */
    public RemovalPolicy dataRemoval() {
        return production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    public RetentionDays logRetention() {
        return production() ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS;
    }

    /** Sandbox subnets: one zone is enough for dev; prod spreads runs over two. */
    public int availabilityZones() {
        return production() ? 2 : 1;
    }
}
