/**
 * Which service a HAR entry was sent to. Without a map, by port on any host — the real services'
 * ports (8084 auth, 8091 users, 8092 bands, 8093 catalog, 8094 tours). With a map of service →
 * base URL, by scheme, host, port and path prefix (the prefix is taken off the path, so a
 * gateway's `/bands-api/api/bands` becomes `/api/bands`); the longest matching prefix wins.
 */
import { RECORDING_SERVICES, type RecordingService } from "../../../common/recording/index.js";
import { parseRawUrl, type RawUrl } from "./raw-url.js";

export type ServiceBaseUrls = Partial<Record<RecordingService, string>>;

export const REAL_PORTS: Readonly<Record<RecordingService, number>> = {
  auth: 8084,
  users: 8091,
  bands: 8092,
  catalog: 8093,
  tours: 8094,
};

interface Base {
  service: RecordingService;
  url: RawUrl;
  prefix: string;
}

export type ServiceResolver = (url: RawUrl) => { service: RecordingService; path: string } | undefined;

export function serviceResolver(map?: ServiceBaseUrls): ServiceResolver {
  if (!map) {
    const byPort = new Map(RECORDING_SERVICES.map((service) => [REAL_PORTS[service], service]));
    return (url) => {
      const service = byPort.get(url.port);
      return service && { service, path: url.path };
    };
  }
  const bases: Base[] = [];
  for (const service of RECORDING_SERVICES) {
    const text = map[service];
    const url = text === undefined ? undefined : parseRawUrl(text);
    if (text !== undefined && !url) throw new Error(`${service}: '${text}' is not an absolute URL`);
    if (url) bases.push({ service, url, prefix: url.path.replace(/\/+$/, "") });
  }
  bases.sort((a, b) => b.prefix.length - a.prefix.length);
  return (url) => {
    for (const base of bases) {
      const sameOrigin =
        base.url.scheme === url.scheme && base.url.hostname === url.hostname && base.url.port === url.port;
      const underPrefix = url.path === base.prefix || url.path.startsWith(`${base.prefix}/`);
      if (sameOrigin && underPrefix)
        return { service: base.service, path: url.path.slice(base.prefix.length) || "/" };
    }
    return undefined;
  };
}
