import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CLIENT_ADDRESS_HEADER, createLocalProvider, insertUser } from '@brobygger/auth';
import { withAuthTx, withPrivilegedTx } from '@brobygger/db';
import { addMember, createTenant, type TestTenant } from '@brobygger/db/testing';
import type { AppServer } from './app-server.ts';
import { cpuSecondsOf, cpuSecondsOfAll } from './cpu-time.ts';
import type { Log } from './measure.ts';
import { rowByIdIn } from './own-row.ts';
import { throughputPerSecond } from './per-second.ts';
import { seedVolunteers } from './seed.ts';
import type { BenchOutcome } from './types.ts';

/**
 * load-50: 50 coordinators, each signed in as its own user, work the production server without
 * pause for 30 s, measured after a 5 s warm-up of the same work: load the volunteers roster
 * through the tRPC endpoint the page uses, then save their own row (a one-row batch with its
 * version) and go round again. Several coordinators share a workspace, as they do in a
 * municipality: 10 workspaces of 5 coordinators, 200 volunteers each.
 * `/healthz` is driven by as many clients for a few seconds in the same run, so `rps` can be read
 * against what the server does with no database work at all.
 */

export const TARGET_P99_MS = 250;

const WORKSPACES = 10;
const COORDINATORS_PER_WORKSPACE = 5;
const VOLUNTEERS_PER_WORKSPACE = Number(process.env.BENCH_LOAD_ROWS ?? 200);
/** BENCH_LOAD_SECONDS shortens the run while profiling. */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
/**
 * The same work, not measured, before the 30 s that are: a server that has just started compiles
 * its code paths and its Postgres connections their plans under the first seconds' load. Measured
 * per second, the first three seconds had p99 310–570 ms where the rest had 190–300 ms. A deployed
 * server is warm, so the measured window starts warm, as wrk and k6 users discard a warm-up.
 * Errors during the warm-up still count.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_LOAD_WARMUP_SECONDS ?? 5);
/**
 * BENCH_LOAD_CLIENTS=4 lets only that many coordinators work, for profiling: with the CPUs not
 * saturated, a CPU profile shows where the server's time goes rather than where it was preempted.
 */
const ACTIVE_CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? WORKSPACES * COORDINATORS_PER_WORKSPACE);
const HEALTHZ_SECONDS = 5;
/** The run is bounded twice: by the clock and by this many requests in all. */
const MAX_REQUESTS = 500_000;
const PASSWORD = 'load-bench-password';

type Coordinator = { tenant: TestTenant; cookie: string; rowId: string; address: string };
type Row = { id: string; version: number; note: string | null } & Record<string, unknown>;

type Answer = { ok: boolean; status: number; body: Buffer; coding: string | undefined };

/**
 * The simulated browsers' HTTP: node:http over kept-alive connections, accepting the codings
 * Chromium accepts over HTTPS. Lighter than fetch, which matters here: the clients share the server's 2 CPUs.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 1000 });
const BROWSER_CODINGS = 'gzip, deflate, br, zstd';

function send(url: string, init: RequestInit): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = typeof init.body === 'string' ? init.body : undefined;
    const headers: Record<string, string> = {
      ...(init.headers as Record<string, string>),
      'accept-encoding': BROWSER_CODINGS,
    };
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const request = httpRequest(url, { method: init.method ?? 'GET', headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          status,
          body: Buffer.concat(chunks),
          coding: response.headers['content-encoding'],
        });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The answer's body as the server wrote it, unpacked. */
function bytesOf({ coding, body }: Answer): Buffer {
  if (coding === 'br') return brotliDecompressSync(body);
  if (coding === 'gzip') return gunzipSync(body);
  if (coding === undefined) return body;
  throw new Error(`unexpected Content-Encoding: ${coding}`);
}

/** tRPC's answer without a transformer: `{ result: { data } }`, or `{ error }` with a status. */
function trpcData<T>(answer: Answer): T {
  const body = JSON.parse(bytesOf(answer).toString('utf8')) as { result?: { data: T }; error?: unknown };
  if (!answer.ok || !body.result) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(body.error ?? body)}`);
  return body.result.data;
}

/** The coordinator's own row out of a roster answer (see own-row.ts for why not all of it). */
function ownRowOf(answer: Answer, rowId: string): Row {
  const json = bytesOf(answer);
  if (!answer.ok || !json.subarray(0, 18).equals(Buffer.from('{"result":{"data":')))
    throw new Error(`HTTP ${answer.status}: ${json.toString('utf8', 0, 300)}`);
  return rowByIdIn(json, rowId) as Row;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;

/** Workspaces with their rosters, and each coordinator signed in through the local provider. */
async function signInCoordinators(server: AppServer, log: Log): Promise<Coordinator[]> {
  const provider = createLocalProvider({
    secret: new TextEncoder().encode(server.sessionSecret),
    secureCookies: false,
  });
  const coordinators: Coordinator[] = [];
  for (let w = 0; w < WORKSPACES; w++) {
    const tenant = await createTenant('municipality', `Lastkommune ${w + 1}`);
    await seedVolunteers(tenant.id, VOLUNTEERS_PER_WORKSPACE);
    const rows = await withPrivilegedTx('test', (tx) =>
      tx.query<{ id: string }>('select id from public.volunteers where tenant_id = $1 order by name limit $2', [
        tenant.id,
        COORDINATORS_PER_WORKSPACE,
      ]),
    );
    for (let c = 0; c < COORDINATORS_PER_WORKSPACE; c++) {
      const email = `load-${w}-${c}-${Date.now()}@bench.brobygger.dk`;
      const id = await withAuthTx((tx) => insertUser(tx, { email, password: PASSWORD, name: `Koordinator ${w}.${c}` }));
      await addMember(tenant, { id, email }, 'coordinator');
      // Each from its own address, as 50 people are: the sign-in rate limit counts per address.
      const address = `10.0.${w}.${c + 1}`;
      const signIn = await provider.signInWithPassword(
        new Request(`${server.appUrl}/login`, { headers: { [CLIENT_ADDRESS_HEADER]: address } }),
        email,
        PASSWORD,
      );
      if (!signIn.ok) throw new Error(`coordinator ${email} could not sign in: ${signIn.reason}`);
      const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error('sign-in gave no session cookie');
      coordinators.push({ tenant, cookie, rowId: rows[c]!.id, address });
    }
  }
  log(`${coordinators.length} coordinators signed in, ${WORKSPACES} workspaces of ${VOLUNTEERS_PER_WORKSPACE}`);
  return coordinators;
}

/** CPU seconds so far of the server, of Postgres, and of this process (the simulated clients). */
function cpuNow(serverPid: number) {
  const own = process.cpuUsage();
  return {
    server: cpuSecondsOf(serverPid),
    postgres: cpuSecondsOfAll('postgres'),
    clients: (own.user + own.system) / 1e6,
  };
}

/**
 * Milliseconds of CPU per request, by who spent them: steadier between runs than the latency,
 * so a change's effect shows even on a busy machine.
 */
function cpuPerRequest(
  before: ReturnType<typeof cpuNow>,
  after: ReturnType<typeof cpuNow>,
  requests: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const who of ['server', 'postgres', 'clients'] as const) {
    const [a, b] = [before[who], after[who]];
    // Left out where it cannot be read (no /proc): a missing figure, not a zero.
    if (a !== null && b !== null && requests > 0) out[`${who}_cpu_ms`] = Math.round(((b - a) * 1e4) / requests) / 10;
  }
  return out;
}

/** Requests left under the cap, shared by every client. */
function budget(max: number) {
  let left = max;
  return () => left-- > 0;
}

export async function load50(server: AppServer, log: Log): Promise<BenchOutcome> {
  const coordinators = await signInCoordinators(server, log);

  // /healthz first, with as many clients: the server's ceiling with no database work.
  let healthz = 0;
  const healthzUntil = performance.now() + HEALTHZ_SECONDS * 1000;
  await Promise.all(
    coordinators.map(async () => {
      while (performance.now() < healthzUntil) {
        if ((await send(`${server.baseUrl}/healthz`, {})).ok) healthz++;
      }
    }),
  );
  const healthzRps = healthz / HEALTHZ_SECONDS;
  log(`healthz: ${healthzRps.toFixed(0)} requests/s`);

  const loads: number[] = [];
  const saves: number[] = [];
  const problems: string[] = [];
  /** When each measured request finished, from the start of the measured window. */
  const finishedMs: number[] = [];
  const take = budget(MAX_REQUESTS);
  const started = performance.now() + WARMUP_SECONDS * 1000;
  const until = started + SECONDS * 1000;
  // CPU is counted from the end of the warm-up, like the requests.
  let cpuBefore = cpuNow(server.pid);
  const warm = setTimeout(() => (cpuBefore = cpuNow(server.pid)), WARMUP_SECONDS * 1000);

  /**
   * One request, timed from sending it to the last byte of its answer, as load tools (wrk, k6)
   * time them: unzipping and reading the JSON is the client's work and comes after, so 50
   * clients sharing one event loop (and the server's 2 CPUs) do not add it to the server's latency.
   * Only requests sent after the warm-up are measured.
   */
  async function timed(into: number[], url: string, init: RequestInit = {}): Promise<Answer> {
    const t0 = performance.now();
    try {
      return await send(url, init);
    } finally {
      if (t0 >= started) {
        const t1 = performance.now();
        into.push(t1 - t0);
        finishedMs.push(t1 - started);
      }
    }
  }

  async function coordinatorLoop({ tenant, cookie, rowId, address }: Coordinator, index: number) {
    const headers = { cookie, [CLIENT_ADDRESS_HEADER]: address };
    const listUrl = `${server.baseUrl}/api/trpc/volunteers.list?input=${encodeURIComponent(JSON.stringify({ tenant: tenant.slug }))}`;
    for (let round = 0; performance.now() < until && take() && take(); round++) {
      try {
        const own = ownRowOf(await timed(loads, listUrl, { headers }), rowId);
        const saved = trpcData<{ ok: boolean; rows?: Row[] }>(
          await timed(saves, `${server.baseUrl}/api/trpc/volunteers.save`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json', origin: server.appUrl },
            body: JSON.stringify({
              tenant: tenant.slug,
              upserts: [{ ...own, note: `Koordinator ${index} runde ${round}` }],
              deletes: [],
            }),
          }),
        );
        if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
  }

  await Promise.all(coordinators.slice(0, ACTIVE_CLIENTS).map(coordinatorLoop));
  clearTimeout(warm);
  const elapsedS = (performance.now() - started) / 1000;
  const cpu = cpuPerRequest(cpuBefore, cpuNow(server.pid), loads.length + saves.length);

  const sortedLoads = [...loads].sort((a, b) => a - b);
  const sortedSaves = [...saves].sort((a, b) => a - b);
  const all = [...loads, ...saves].sort((a, b) => a - b);
  for (const problem of problems.slice(0, 5)) log(`error: ${problem}`);
  const p99 = Math.round(percentile(all, 99));
  const perSecond = throughputPerSecond(finishedMs, elapsedS);
  const result = {
    bench: 'load-50',
    errors: problems.length,
    p99_ms: p99,
    rps: Math.round(all.length / elapsedS),
    rps_slowest_second: perSecond.slowest,
    rps_fastest_second: perSecond.fastest,
    healthz_rps: Math.round(healthzRps),
    load_p50_ms: Math.round(percentile(sortedLoads, 50)),
    load_p99_ms: Math.round(percentile(sortedLoads, 99)),
    save_p50_ms: Math.round(percentile(sortedSaves, 50)),
    save_p99_ms: Math.round(percentile(sortedSaves, 99)),
    requests: all.length,
    seconds: Math.round(elapsedS),
    warmup_seconds: WARMUP_SECONDS,
    target_p99_ms: TARGET_P99_MS,
    ...cpu,
  };
  return {
    result,
    missed: [
      ...(problems.length ? [`${problems.length} errors`] : []),
      ...(p99 >= TARGET_P99_MS ? [`p99 ${p99} ms ≥ ${TARGET_P99_MS} ms`] : []),
    ],
  };
}
