import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used so far (user + system, all threads) by processes on this Linux machine, read
 * from /proc: the load benchmark reports where a request's CPU goes (server, Postgres, the
 * simulated clients), which stays comparable between runs when the latency, on a shared VM, does not.
 * Returns null where /proc is not there.
 */
const TICKS_PER_SECOND = 100;

function cpuOfPid(pid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

export function cpuSecondsOf(pid: number): number | null {
  try {
    readdirSync('/proc');
  } catch {
    return null;
  }
  return cpuOfPid(String(pid));
}

/** Every process whose command line names `word` (Postgres' backends: "postgres: ..."). */
export function cpuSecondsOfAll(word: string): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
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
