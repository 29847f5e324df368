/**
 * What the figures were measured on, and what else the machine was doing (load average at the
 * start and at the end). On a shared machine the absolute numbers move from run to run; only
 * the ratios taken within one run compare.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export interface MachineFacts {
  readonly cpuModel: string;
  readonly cores: number;
  readonly node: string;
  readonly os: string;
  readonly totalMemoryMb: number;
  readonly loadAverageStart: readonly number[];
  loadAverageEnd: readonly number[] | null;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    loadAverageStart: loadAverage(),
    loadAverageEnd: null,
  };
}

export function loadAverage(): number[] {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

export function machineLine(facts: MachineFacts): string {
  const load = (values: readonly number[] | null) => (values ? values.join(" / ") : "n/a");
  return (
    `${facts.cpuModel}, ${facts.cores} cores, ${Math.round(facts.totalMemoryMb / 1024)} GB, ` +
    `Node ${facts.node}, ${facts.os}; load average (1/5/15 min) ${load(facts.loadAverageStart)} ` +
    `at start, ${load(facts.loadAverageEnd)} at end`
  );
}

let ticksPerSecond: number | undefined;

/** USER_HZ, the unit of the CPU times in /proc; 100 on every common Linux. */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU time of a process so far, ms (10 ms resolution). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name is in parentheses and may hold spaces: count fields after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / clockTicks();
}

/** Resident set size of a process, MB. */
export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}
