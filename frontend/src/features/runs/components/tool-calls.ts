import type { RunEvent } from '../api/types';

/**
 * An agent's tool call (read_file, edit_file, …): one `TOOL_CALL` event each. `data` has the
 * `agent`, the `tool`, the `step`, the `path` when the call was about a file, `ok` and, when the
 * call changed a file, `changed`; task-level agents add the `task`.
 */
export function isToolCall(event: RunEvent): boolean {
  return event.type === 'TOOL_CALL';
}

/** A call the workspace refused (old text not found, a path it may not write, …): the agent was told why and went on. */
export function isRefused(event: RunEvent): boolean {
  return isToolCall(event) && event.data.ok === 'false';
}

const REFUSED = /^([a-z_]+) refused: /;

/**
 * What a tool call did, said after its agent ("read src/server.js (lines 1–80 of 80)"); a
 * refused one without the "refused" a badge already says ("edit_file: old_text is not in …").
 */
export function toolCallText(event: RunEvent): string {
  if (isRefused(event)) {
    return event.message.replace(REFUSED, '$1: ');
  }
  return event.message;
}

const TASK_STEP = /^task (\d+) ·/;

/** The call was made for task `task`: its `task`, or a step named after it (`task 1 · step 2 · src/server.js`). */
export function isOfTask(event: RunEvent, task: number): boolean {
  if (event.data.task !== undefined) {
    return Number(event.data.task) === task;
  }
  const step = TASK_STEP.exec(event.data.step ?? '');
  return step !== null && Number(step[1]) === task;
}

export type ChangedPath = { path: string; deleted: boolean };

/** The files one agent read and changed, each once, in the order it first did so. */
export type AgentFiles = {
  agent: string;
  read: string[];
  /** `deleted` when the agent's last change to the file was to delete it. */
  changed: ChangedPath[];
  calls: number;
  refused: number;
};

/** What the agents read and changed for a task, from its tool calls, one entry per agent in the order they began. */
export function taskToolCalls(events: RunEvent[], task: number): AgentFiles[] {
  const agents = new Map<string, { read: Set<string>; changed: Map<string, boolean>; calls: number; refused: number }>();
  for (const event of events) {
    if (!isToolCall(event) || !isOfTask(event, task)) {
      continue;
    }
    const name = event.data.agent ?? 'Agent';
    let agent = agents.get(name);
    if (!agent) {
      agent = { read: new Set(), changed: new Map(), calls: 0, refused: 0 };
      agents.set(name, agent);
    }
    agent.calls += 1;
    const path = event.data.path;
    if (isRefused(event)) {
      agent.refused += 1;
    } else if (path && event.data.tool === 'read_file') {
      agent.read.add(path);
    }
    if (path && event.data.changed === 'true') {
      // a file deleted, then written again, is not deleted: the last change counts (first place kept)
      agent.changed.set(path, event.data.tool === 'delete_file');
    }
  }
  return [...agents].map(([agent, { read, changed, calls, refused }]) => ({
    agent,
    read: [...read],
    changed: [...changed].map(([path, deleted]) => ({ path, deleted })),
    calls,
    refused,
  }));
}
