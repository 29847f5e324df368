/**
 * An emulator for a test: empty store unless fixtures are asked for, a fast HS256 key, a short
 * saga delay, and helpers for tokens and supertest agents.
 */
import supertest from "supertest";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../emulator/emulator.js";
import type { ServiceName } from "../../emulator/services/service-module.js";

export const ALL_SCOPES = ["test_1", "test_2", "test_3"] as const;

export interface TestEmulator {
  emu: Emulator;
  /** A token with these scopes (default: all three). */
  token(scopes?: readonly string[]): string;
  /** `Bearer <token>` for an Authorization header. */
  bearer(scopes?: readonly string[]): string;
  http(service: ServiceName): ReturnType<typeof supertest>;
}

export async function testEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await createEmulator({
    fixtures: "none",
    saga: { delayMs: 1 },
    ...options,
    auth: { signing: { kind: "secret", secret: "soundcheck-test-secret" }, ...options.auth },
  });
  const token = (scopes: readonly string[] = ALL_SCOPES) => emu.tokens.issue({ scopes }).token;
  return {
    emu,
    token,
    bearer: (scopes) => `Bearer ${token(scopes)}`,
    http: (service) => supertest(emu.apps[service]),
  };
}

/** Boot's error timestamp: `2025-05-21T10:15:30.123+00:00`. */
export const BOOT_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;
