/**
 * The results table, printed as Markdown so the same text reads in a terminal and goes into
 * the README unchanged. Columns are padded the way prettier pads a Markdown table.
 */

/** One line of the table: a figure beside its reference, and whether it meets its target. */
export interface TableLine {
  readonly id: string;
  readonly what: string;
  readonly figure: string;
  readonly reference: string;
  readonly ratio: string;
  readonly target: string;
  /** true met, false missed, null stated without a target. */
  readonly met: boolean | null;
}

const HEADER = ["#", "what", "figure", "reference", "ratio", "target", "met"] as const;

export function metText(met: boolean | null): string {
  return met === null ? "—" : met ? "yes" : "**no**";
}

function cellsOf(line: TableLine): string[] {
  return [line.id, line.what, line.figure, line.reference, line.ratio, line.target, metText(line.met)];
}

/** A cell's text with the pipes escaped that would otherwise end it. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

export function renderTable(lines: readonly TableLine[]): string {
  const rows = [[...HEADER], ...lines.map(cellsOf)].map((row) => row.map(escapeCell));
  const widths = HEADER.map((_, column) =>
    Math.max(3, ...rows.map((row) => [...(row[column] as string)].length)),
  );
  const pad = (cell: string, column: number) =>
    cell + " ".repeat((widths[column] as number) - [...cell].length);
  const render = (row: string[]) => `| ${row.map(pad).join(" | ")} |`;
  const rule = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
  const [header, ...body] = rows;
  return [render(header as string[]), rule, ...body.map(render)].join("\n");
}

/** Thousands grouped with commas, as autocannon prints them. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "n/a";
}

export function formatFixed(value: number, decimals: number, unit = ""): string {
  return Number.isFinite(value) ? `${value.toFixed(decimals)}${unit}` : "n/a";
}

export function formatSigned(value: number, decimals: number, unit = ""): string {
  if (!Number.isFinite(value)) return "n/a";
  const text = value.toFixed(decimals);
  return `${value >= 0 && !text.startsWith("-") ? "+" : ""}${text}${unit}`;
}
