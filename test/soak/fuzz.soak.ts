/**
 * The long hostile-request run: many thousands of requests per service from a fresh seed each
 * time (shown in the suite's title; `FUZZ_SEED=n npm run soak` replays one).
 */
import { randomInt } from "node:crypto";
import { fuzzSuite } from "../hardening/fuzz/suite.js";

fuzzSuite({
  perService: 5000,
  seed: Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31)),
  effectCheckRate: 0.2,
});
