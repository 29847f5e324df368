/**
 * Strain settings for tests, written in the config file's JSON shape.
 */
import assert from "node:assert/strict";
import { strainNames } from "../../emulator/config/strain-config.js";
import { readStrainJson } from "../../emulator/strain/settings-json.js";
import type { StrainSettings } from "../../emulator/strain/settings.js";

export function strainSettings(json: Record<string, unknown>): StrainSettings {
  const read = readStrainJson(json, strainNames());
  assert.deepEqual(read.problems, []);
  return read.settings;
}
