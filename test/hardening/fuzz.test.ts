/**
 * Hostile requests, a few hundred per service, from a fixed seed (`FUZZ_SEED=n` replays another
 * one). The long version is `npm run soak`.
 */
import { fuzzSuite } from "./fuzz/suite.js";

fuzzSuite({ perService: 300, seed: Number(process.env.FUZZ_SEED ?? 20_250_601), effectCheckRate: 1 });
