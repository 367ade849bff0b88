package dev.samokoder.core.ledger;

import java.util.Map;

/** What a project has spent (and holds reserved), in all and per agent. */
public record ProjectCost(String projectId, Spend spend, Map<String, AgentCost> byAgent) {

    public ProjectCost {
        byAgent = Map.copyOf(byAgent);
    }
}
