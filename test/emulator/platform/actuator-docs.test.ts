import assert from "node:assert/strict";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";

describe("actuator and API docs", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  it("serves health with details and no token; user/band add jms", async () => {
    const bands = await t.http("bands").get("/actuator/health").expect(200);
    assert.equal(bands.headers["content-type"], "application/vnd.spring-boot.actuator.v3+json");
    assert.equal(bands.body.status, "UP");
    assert.deepEqual(Object.keys(bands.body.components), ["db", "diskSpace", "jms", "ping", "ssl"]);
    assert.deepEqual(bands.body.components.db, {
      status: "UP",
      details: { database: "H2", validationQuery: "isValid()" },
    });
    assert.deepEqual(bands.body.components.jms, { status: "UP", details: { provider: "ActiveMQ" } });
    const tours = await t.http("tours").get("/actuator/health").expect(200);
    assert.deepEqual(Object.keys(tours.body.components), ["db", "diskSpace", "ping", "ssl"]);
    const ping = await t.http("users").get("/actuator/health/ping").expect(200);
    assert.deepEqual(ping.body, { status: "UP" });
  });

  it("negotiates the actuator's type from Accept as Spring Boot does", async () => {
    const typeFor = async (service: "users" | "tours", accept: string) => {
      const res = await t.http(service).get("/actuator/health").set("Accept", accept);
      return `${res.status} ${res.headers["content-type"] ?? "-"} ${res.text.length > 0}`;
    };
    assert.equal(await typeFor("users", "application/json"), "200 application/json true");
    assert.equal(await typeFor("users", "*/*"), "200 application/vnd.spring-boot.actuator.v3+json true");
    assert.equal(
      await typeFor("users", "application/*"),
      "200 application/vnd.spring-boot.actuator.v3+json true",
    );
    assert.equal(await typeFor("users", "text/plain, application/json;q=0.5"), "200 application/json true");
    // Nothing producible: Boot's 406 with no body; the catch-all advice turns it into a bare 500.
    assert.equal(await typeFor("users", "application/xml"), "406 - false");
    assert.equal(await typeFor("users", "text/plain"), "406 - false");
    assert.equal(await typeFor("tours", "application/xml"), "500 - false");
    const info = await t.http("bands").get("/actuator/info").set("Accept", "application/json").expect(200);
    assert.equal(info.headers["content-type"], "application/json");
    assert.deepEqual(info.body, {});
  });

  it("still answers 401 to a bad token on permitAll paths", async () => {
    await t.http("users").get("/actuator/health").set("Authorization", "Bearer nope").expect(401);
  });

  it("serves info, the links and metrics", async () => {
    assert.deepEqual((await t.http("catalog").get("/actuator/info").expect(200)).body, {});
    const links = await t.http("catalog").get("/actuator").set("Host", "localhost:8093").expect(200);
    assert.deepEqual(links.body._links.health, {
      href: "http://localhost:8093/actuator/health",
      templated: false,
    });
    assert.deepEqual(Object.keys(links.body._links), [
      "self",
      "health",
      "health-path",
      "info",
      "metrics",
      "metrics-requiredMetricName",
      "prometheus",
    ]);
    await t.http("catalog").get("/actuator/metrics/nope").expect(404);
  });

  it("filters a metric by ?tag=key:value as MetricsEndpoint does", async () => {
    await t.http("bands").get("/actuator/health").expect(200);
    await t.http("bands").get("/actuator/info").expect(200);
    await t.http("bands").get("/actuator/info").expect(200);
    const metric = "/actuator/metrics/http.server.requests";
    const info = await t.http("bands").get(`${metric}?tag=uri:/actuator/info`).expect(200);
    assert.deepEqual(info.body.measurements[0], { statistic: "COUNT", value: 2 });
    // The tag filtered by is no longer listed among the available ones.
    assert.deepEqual(
      info.body.availableTags.map((t: { tag: string }) => t.tag),
      ["exception", "method", "error", "outcome", "status"],
    );
    const both = await t.http("bands").get(`${metric}?tag=uri:/actuator/health&tag=status:200`).expect(200);
    assert.deepEqual(both.body.measurements[0], { statistic: "COUNT", value: 1 });
    await t.http("bands").get(`${metric}?tag=uri:/nowhere`).expect(404);
    await t.http("bands").get("/actuator/metrics/process.uptime?tag=pool:x").expect(404);
    const pool = await t.http("bands").get("/actuator/metrics/hikaricp.connections?tag=pool:HikariPool-1");
    assert.deepEqual(pool.body.availableTags, []);
    const bad = await t.http("bands").get(`${metric}?tag=uri`).expect(400);
    assert.equal(bad.body.error, "Bad Request");
    const music = await t.http("catalog").get(`${metric}?tag=uri`).expect(500);
    assert.equal(
      music.body.message,
      `An unexpected error occurred: 400 BAD_REQUEST "Each tag parameter must be in the form 'key:value' but was: uri"`,
    );
  });

  it("exposes request counts and latency histograms per route in the Prometheus format", async () => {
    await t.http("tours").get("/actuator/health").expect(200);
    await t.http("tours").get("/actuator/health").expect(200);
    const res = await t.http("tours").get("/actuator/prometheus").expect(200);
    assert.equal(res.headers["content-type"], "text/plain;version=0.0.4;charset=utf-8");
    const tags =
      'error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/actuator/health"';
    assert.ok(res.text.includes(`http_server_requests_seconds_count{${tags}} 2\n`), res.text);
    assert.ok(res.text.includes(`http_server_requests_seconds_bucket{${tags},le="+Inf"} 2\n`));
    assert.match(res.text, /^# TYPE http_server_requests_seconds histogram$/m);
    // Micrometer's help for a timer with no description is " ": the line ends in two spaces.
    assert.match(res.text, /^# HELP http_server_requests_seconds {2}\n# TYPE/m);
    assert.match(res.text, /^# HELP http_server_requests_seconds_max {2}\n# TYPE/m);
    assert.ok(
      res.text.split("\n").every((line) => !/^# (HELP|TYPE) \S+$/.test(line)),
      res.text,
    );
    assert.match(res.text, /^process_start_time_seconds \d+(\.\d+)?$/m);
  });

  it("generates an OpenAPI 3 document per service with the Bearer scheme", async () => {
    const music = await t.http("catalog").get("/v3/api-docs").set("Host", "localhost:8093").expect(200);
    assert.equal(music.body.openapi, "3.0.1");
    assert.deepEqual(music.body.info, { title: "Music Catalog API", version: "1.0" });
    assert.deepEqual(music.body.servers, [
      { url: "http://localhost:8093", description: "Generated server url" },
    ]);
    assert.deepEqual(music.body.components.securitySchemes, {
      Bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
    });
    const users = await t.http("users").get("/v3/api-docs").expect(200);
    assert.deepEqual(users.body.info, { title: "OpenAPI definition", version: "v0" });
    const yaml = await t.http("users").get("/v3/api-docs.yaml").expect(200);
    assert.match(yaml.text, /^openapi: "3\.0\.1"\ninfo:\n {2}title: OpenAPI definition\n/);
    const redirect = await t.http("users").get("/swagger-ui.html").expect(302);
    assert.equal(redirect.headers.location, "/swagger-ui/index.html");
  });
});
