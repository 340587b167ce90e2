import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used so far (user + system, all threads) by processes on this Linux machine, read
 * from /proc: the load benchmark reports where a request's CPU goes (server, Postgres, the
 * simulated clients), which stays comparable between runs when the latency, on a shared VM, does not.
 * Returns null where /proc is not there.
 */
const TICKS_PER_SECOND = 100;

/** utime + stime (seconds) and parent pid of one process; zero if it ended meanwhile. */
function statOf(pid: string): { cpu: number; parent: string } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND, parent: fields[1]! };
  } catch {
    return { cpu: 0, parent: '' }; // the process ended between listing and reading
  }
}

const cpuOfPid = (pid: string) => statOf(pid).cpu;

function processIds(): string[] | null {
  try {
    return readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
}

/**
 * A process and its children: with WEB_CONCURRENCY the server is a cluster primary whose HTTP
 * workers are its children, and they do the work.
 */
export function cpuSecondsOf(pid: number): number | null {
  const pids = processIds();
  if (!pids) return null;
  const own = String(pid);
  return pids.reduce((sum, p) => {
    if (p === own) return sum + cpuOfPid(p);
    const { cpu, parent } = statOf(p);
    return parent === own ? sum + cpu : sum;
  }, 0);
}

/** Every process whose command line names `word` (Postgres' backends: "postgres: ..."). */
export function cpuSecondsOfAll(word: string): number | null {
  const pids = processIds();
  if (!pids) return null;
  let total = 0;
  for (const pid of pids) {
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (command.includes(word)) total += cpuOfPid(pid);
  }
  return total;
}
