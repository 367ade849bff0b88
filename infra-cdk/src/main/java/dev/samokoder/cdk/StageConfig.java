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
 */
public record StageConfig(String name, List<String> corsOrigins, String llmModel, String alarmEmail) {

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
