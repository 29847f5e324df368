/** The four Band Manager services a run talks to; every request name belongs to exactly one. */
export const SERVICES = ["users", "bands", "catalog", "tours"] as const;

export type ServiceName = (typeof SERVICES)[number];

/** Base URL per service: the only thing `--target` changes. */
export type ServiceUrls = Readonly<Record<ServiceName, string>>;

export const SERVICE_LABELS: Readonly<Record<ServiceName, string>> = {
  users: "user service",
  bands: "band service",
  catalog: "music catalog",
  tours: "tour service",
};

export function isServiceName(value: string): value is ServiceName {
  return (SERVICES as readonly string[]).includes(value);
}
