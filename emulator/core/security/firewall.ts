/**
 * What is refused before Spring MVC sees a request: Tomcat's TRACE refusal and Spring Security's
 * StrictHttpFirewall (unknown methods, non-normalised or suspiciously encoded URLs). Both end in
 * Boot's `/error`, so the client gets a BOOT body, whatever the service.
 */
const ALLOWED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);

const BLOCKED = [
  ";",
  "%3b",
  "%3B",
  "%2f",
  "%2F",
  "%5c",
  "%5C",
  "\\",
  "%25",
  "%2e",
  "%2E",
  "%00",
  "%0a",
  "%0A",
  "%0d",
  "%0D",
];

export type Refusal = { status: 400 | 405; reason: string; allow?: string };

export function refuse(method: string, rawPath: string): Refusal | undefined {
  if (method === "TRACE")
    return {
      status: 405,
      reason: "TRACE method is not allowed",
      allow: "GET, HEAD, POST, PUT, DELETE, OPTIONS",
    };
  if (!ALLOWED_METHODS.has(method)) {
    return {
      status: 400,
      reason: `The request was rejected because the HTTP method "${method}" was not included within the list of allowed HTTP methods [DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]`,
    };
  }
  if (!rawPath.startsWith("/")) return { status: 400, reason: "Invalid URI" };
  for (const blocked of hasBlockedCharacter(rawPath) ? BLOCKED : []) {
    if (rawPath.includes(blocked)) {
      return {
        status: 400,
        reason: `The request was rejected because the URL contained a potentially malicious String "${blocked}"`,
      };
    }
  }
  if (!isNormalized(rawPath))
    return { status: 400, reason: "The request was rejected because the URL was not normalized." };
  if (!/^[\x21-\x7e]*$/.test(rawPath)) {
    return {
      status: 400,
      reason: "The request was rejected because the URL contained non-printable ASCII characters.",
    };
  }
  return undefined;
}

/** Every blocked string holds one of these three characters: most paths need no further look. */
function hasBlockedCharacter(path: string): boolean {
  return path.includes("%") || path.includes(";") || path.includes("\\");
}

function isNormalized(path: string): boolean {
  if (path.includes("//")) return false;
  // The path starts with "/", so a "." or ".." segment always follows a slash.
  if (!path.includes("/.")) return true;
  for (const segment of path.split("/")) {
    if (segment === "." || segment === "..") return false;
  }
  return true;
}

/** Path segments as Spring matches them: percent-decoded; undefined when the encoding is broken. */
export function decodeSegments(rawPath: string): string[] | undefined {
  const parts = rawPath.split("/").slice(1);
  if (!rawPath.includes("%")) return parts;
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}
