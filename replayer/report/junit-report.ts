import { formatNumber, showUnprintable, withUnit } from "./format.js";
import { notJudgedReason } from "./recorded-text.js";
import type { Results } from "./results.js";

/** Text for XML 1.0: the five special characters as entities, unprintable ones as `\uXXXX`. */
export function xmlEscape(text: string): string {
  return showUnprintable(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A test case per threshold, for CI; failures by reason in `system-out`. */
export function renderJunit(results: Results): string {
  const { checks } = results.verdict;
  const failed = checks.filter((check) => !check.passed).length;
  const skipped = checks.filter((check) => !check.judged).length;
  const seconds = formatNumber(results.durationMs / 1000);
  const cases = checks.map((check) => {
    const name = xmlEscape(`${check.label} ${check.comparison} ${formatNumber(check.target)} ${check.unit}`);
    const measured = `measured ${withUnit(formatNumber(check.measured), check.unit)}, target ${check.comparison} ${formatNumber(check.target)} ${check.unit}`;
    const open = `    <testcase classname="soundcheck.verdict" name="${name}" time="0">`;
    if (!check.judged)
      return `${open}\n      <skipped message="${xmlEscape(`not judged: ${notJudgedReason(results)}; ${measured}`)}"/>\n    </testcase>`;
    if (!check.passed)
      return `${open}\n      <failure type="threshold" message="${xmlEscape(measured)}"/>\n    </testcase>`;
    return `${open}\n      <system-out>${xmlEscape(measured)}</system-out>\n    </testcase>`;
  });
  const reasons = results.endpoints.flatMap((endpoint) =>
    endpoint.failuresByReason.map((reason) => `${endpoint.name}: ${reason.count} × ${reason.reason}`),
  );
  const out = [results.verdict.headline, ...reasons].map(xmlEscape).join("\n");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="soundcheck" tests="${checks.length}" failures="${failed}" skipped="${skipped}" time="${seconds}">`,
    `  <testsuite name="festival verdict" tests="${checks.length}" failures="${failed}" skipped="${skipped}" time="${seconds}">`,
    ...cases,
    `    <system-out>${out}</system-out>`,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
