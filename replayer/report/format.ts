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

/** A formatted figure and its unit (`12.5 ms`); "n/a" alone, since no value has no unit. */
export function withUnit(formatted: string, unit: string): string {
  return formatted === NA ? NA : `${formatted} ${unit}`;
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/**
 * Characters that neither XML 1.0 nor valid HTML may carry (control characters other than tab,
 * CR and LF; lone surrogates; U+FFFE/U+FFFF), written as visible `\uXXXX` text instead.
 */
export function showUnprintable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
