import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(frontend, '..');
const STARTUP_TIMEOUT_MS = 5 * 60_000;

/**
 * Starts the real local platform (scripts/dev: the gateway, the API handlers, the workflow and the
 * embedded AWS stack) on a free port with a fresh data dir, serving the built app from
 * frontend/dist; stops it and deletes the data after the run. With SAMOKODER_E2E_URL set, the
 * tests use that platform.
 *
 * Runs are real: the agents' model answers are replayed from the demo's transcript (a todo API in
 * two tasks, one failing test fixed by BugHunter, recorded from infra-local's scripted DemoModel,
 * with its change requests: due dates, then one that fails), and the Executor runs the generated
 * tests in the bubblewrap sandbox.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.SAMOKODER_E2E_URL) {
    return undefined;
  }
  if (!existsSync(join(frontend, 'dist/index.html'))) {
    throw new Error('frontend/dist is not built: run `npm run build` first');
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'samokoder-e2e-'));
  mkdirSync(join(frontend, 'test-results'), { recursive: true });
  const log = openSync(join(frontend, 'test-results/platform.log'), 'w');
  const platform = spawn(join(repo, 'scripts/dev'), [], {
    cwd: repo,
    env: {
      ...process.env,
      SAMOKODER_DATA_DIR: dataDir,
      SAMOKODER_PORT: String(port),
      SAMOKODER_STATIC_DIR: join(frontend, 'dist'),
      SAMOKODER_LLM_MODEL: 'replay:demo',
      // a recording of the scripted demo model: autonomous runs and interactive ones (its SpecWriter asks one question)
      SAMOKODER_LLM_REPLAY_TRANSCRIPT: join(repo, 'events/llm/demo-todo-api.jsonl'),
    },
    stdio: ['ignore', log, log],
    // its own process group, so the build it runs and the JVM it becomes stop together
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${url}/health`, platform);
  } catch (error) {
    await stop(platform);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  process.env.SAMOKODER_E2E_URL = url;
  console.log(`e2e: local platform at ${url} (log: frontend/test-results/platform.log)`);
  return async () => {
    await stop(platform);
    await rm(dataDir, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(healthUrl: string, platform: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (platform.exitCode !== null) {
      throw new Error(`scripts/dev exited with ${platform.exitCode}; see frontend/test-results/platform.log`);
    }
    try {
      const response = await fetch(healthUrl);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the platform did not come up within ${STARTUP_TIMEOUT_MS / 1000} s; see frontend/test-results/platform.log`);
}

async function stop(platform: ChildProcess): Promise<void> {
  if (platform.exitCode !== null || platform.pid === undefined) {
    return;
  }
  const exited = new Promise((resolve) => platform.once('exit', resolve));
  process.kill(-platform.pid, 'SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(resolve, 20_000, 'timeout'));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    process.kill(-platform.pid, 'SIGKILL');
    await exited;
  }
}
