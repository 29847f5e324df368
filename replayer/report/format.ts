/** How numbers look in the human outputs (HTML, CSV, text, junit): "n/a" where there is no value. */
export const NA = "n/a";

/** A figure with at most `decimals` decimals and no trailing zeros: 12.5, 3, 0.125. */
export function formatNumber(value: number | null | undefined, decimals = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NA;
  return String(Number(value.toFixed(decimals)));
}

/** For display: 2 decimals and a thousands separator, e.g. `1,234.57`. */
export function formatFixed(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NA;
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
