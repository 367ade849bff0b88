package dev.samokoder.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmProps;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.DashboardProps;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.GraphWidgetProps;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.MetricProps;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.TopicProps;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * Alarms and one dashboard. Few alarms on purpose (each costs $0.10 a month): API 5xx, Lambda
 * errors and throttles (region-wide sums, one metric each instead of two per function), failed
 * generation runs, anything in a dead-letter queue, and LLM spend per hour from the metric the
 * functions emit ({@link #LLM_COST_METRIC}, EMF).
 */
public final class Observability extends Construct {

    /** The functions' own metrics (EMF): namespace, the cost metric, and its Service dimension. */
    public static final String NAMESPACE = "Samokoder";
    public static final String LLM_COST_METRIC = "LlmCostUsd";
    static final double LLM_COST_PER_HOUR_LIMIT_USD = 10;

    private final Topic alarms;
    private final List<Alarm> all = new ArrayList<>();

    public Observability(Construct scope, String id, StageConfig stage, Api api, Workflow workflow, List<PlatformFunction> functions,
            Map<String, IQueue> deadLetterQueues) {
        super(scope, id);
        alarms = new Topic(this, "Alarms", TopicProps.builder().topicName(stage.prefix() + "-alarms").enforceSsl(true).build());
        if (!stage.alarmEmail().isBlank()) {
            alarms.addSubscription(new EmailSubscription(stage.alarmEmail()));
        }
        Duration fiveMinutes = Duration.minutes(5);

        IMetric api5xx = api.httpApi().metricServerError(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build());
        alarm("Api5xx", "API answered 5xx (5 minutes)", api5xx, 5);
        IMetric lambdaErrors = regionWideLambda("Errors", fiveMinutes);
        alarm("LambdaErrors", "Lambda errors in the region (5 minutes)", lambdaErrors, 5);
        IMetric lambdaThrottles = regionWideLambda("Throttles", fiveMinutes);
        alarm("LambdaThrottles", "Lambda throttles in the region (5 minutes)", lambdaThrottles, 1);
        StateMachine machine = workflow.stateMachine();
        IMetric failedRuns = machine.metricFailed(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build());
        alarm("RunsFailed", "Generation runs failed (5 minutes)", failedRuns, 1);
        IMetric timedOutRuns = machine.metricTimedOut(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build());
        List<IMetric> dlqDepths = new ArrayList<>();
        deadLetterQueues.forEach((name, queue) -> {
            IMetric depth = queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().period(fiveMinutes).statistic("Maximum").build());
            dlqDepths.add(depth);
            alarm(name + "Depth", "Messages in " + name, depth, 1);
        });
        IMetric llmCost = new Metric(MetricProps.builder()
                .namespace(NAMESPACE).metricName(LLM_COST_METRIC).dimensionsMap(Map.of("Service", stage.prefix()))
                .statistic("Sum").period(Duration.hours(1)).build());
        alarm("LlmCostPerHour", "LLM spend over $" + (int) LLM_COST_PER_HOUR_LIMIT_USD + " in an hour", llmCost, LLM_COST_PER_HOUR_LIMIT_USD);

        List<IMetric> durations = new ArrayList<>();
        for (PlatformFunction function : functions) {
            durations.add(function.function().metricDuration(MetricOptions.builder().period(fiveMinutes).statistic("p90").build()));
        }
        Dashboard dashboard = new Dashboard(this, "Dashboard", DashboardProps.builder().dashboardName(stage.prefix()).build());
        dashboard.addWidgets(
                graph("API", List.of(api.httpApi().metricCount(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()),
                        api5xx, api.httpApi().metricClientError(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()))),
                graph("Lambda errors and throttles", List.of(lambdaErrors, lambdaThrottles)),
                graph("Generation runs", List.of(machine.metricStarted(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()),
                        machine.metricSucceeded(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()), failedRuns, timedOutRuns)));
        dashboard.addWidgets(
                graph("Function duration p90", durations),
                graph("Dead-letter queues", dlqDepths),
                graph("LLM spend per hour (USD)", List.of(llmCost)));
    }

    private static IMetric regionWideLambda(String name, Duration period) {
        return new Metric(MetricProps.builder().namespace("AWS/Lambda").metricName(name).statistic("Sum").period(period).build());
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return new GraphWidget(GraphWidgetProps.builder().title(title).left(metrics).width(8).build());
    }

    private void alarm(String id, String description, IMetric metric, double threshold) {
        Alarm alarm = new Alarm(this, id, AlarmProps.builder()
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
        alarm.addAlarmAction(new SnsAction(alarms));
        all.add(alarm);
    }

    public List<Alarm> alarms() {
        return all;
    }
}
