// `npm run chaos` (the full plan: every service, Redis, PostgreSQL, a slow database, bots
// shopping) or `npm run chaos -- --quick` (the CI-sized plan). Loopback only; bounded in time.
import { FULL_PLAN, QUICK_PLAN, runChaos } from "./chaos-run.ts";
import { chaosMarkdown, writeChaosReport } from "./chaos-report.ts";
import { invariantsHold } from "./invariants.ts";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log("usage: npm run chaos [-- --quick]\n  --quick  the CI-sized plan (3 services, no bots)");
  process.exit(0);
}
const plan = args.includes("--quick") ? QUICK_PLAN : FULL_PLAN;
const log = (line: string) => {
  console.log(`[chaos] ${line}`);
};
const report = await runChaos(plan, log);
console.log(`\n${chaosMarkdown(report)}\n`);
const files = await writeChaosReport(report);
console.log(`report: ${files.markdown}`);
const recovered = report.faults.every((fault) => fault.recoveryMs !== undefined);
process.exit(invariantsHold(report.invariants) && recovered ? 0 : 1);
