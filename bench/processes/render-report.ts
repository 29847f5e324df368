/**
 * `replay report` without the CLI around it, in a fresh process (templates not yet compiled, as
 * a user meets them): read a results file, render the HTML, write it. Prints the ms it took.
 */
import { rerenderReport } from "../../replayer/report/rerender.js";

const [resultsPath, outPath] = process.argv.slice(2);
if (!resultsPath || !outPath) throw new Error("usage: render-report RESULTS OUT");
const started = performance.now();
await rerenderReport(resultsPath, outPath);
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started })}\n`);
