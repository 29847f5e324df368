/**
 * The strain part of `emu start`'s configuration: the file's `latency`, `faults`, `capacity` and
 * `routes` keys, then the --latency, --fault and --capacity flags on top (flags win per scope).
 */
import { SERVICE_NAMES } from "../services/registry.js";
import { readStrainFlags, type StrainFlags } from "../strain/flags.js";
import type { ReadText } from "../strain/parsed.js";
import { STRAIN_KEYS, StrainReader, type StrainNames } from "../strain/settings-json.js";
import type { StrainSettings } from "../strain/settings.js";

export const STRAIN_FILE_KEYS = STRAIN_KEYS;

/** The names the strain settings may use, and where a capacity is possible. */
export function strainNames(read?: ReadText): StrainNames {
  return {
    services: SERVICE_NAMES,
    // Every service, the token service included, reports its requests in flight.
    capacityServices: SERVICE_NAMES,
    read,
  };
}

export function resolveStrainConfig(
  file: Record<string, unknown>,
  flags: StrainFlags,
  problems: string[],
  read: ReadText | undefined,
): StrainSettings {
  const reader = new StrainReader(strainNames(read));
  reader.readJson(file, "config.");
  readStrainFlags(reader, flags);
  problems.push(...reader.problems);
  return reader.settings();
}
