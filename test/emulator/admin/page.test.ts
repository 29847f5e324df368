import assert from "node:assert/strict";
import { runInNewContext } from "node:vm";
import { PAGE_CSP } from "../../../emulator/admin/page.js";
import { adminHarness, type AdminHarness } from "../../helpers/admin.js";
import { strainSettings } from "../../helpers/strain.js";

/** Just enough of a DOM to run the page's script: elements that keep their text and children. */
class FakeElement {
  private text = "";
  children: FakeElement[] = [];
  onclick: (() => Promise<void>) | undefined;
  /** Called whenever the text changes (the page's status line says when it has rendered). */
  onText: ((text: string) => void) | undefined;
  constructor(readonly tagName: string) {}
  get textContent(): string {
    return this.text;
  }
  set textContent(text: string) {
    this.text = text;
    this.onText?.(text);
  }
  appendChild(child: FakeElement) {
    this.children.push(child);
  }
  replaceChildren(...children: FakeElement[]) {
    this.children = children;
  }
  /** Rows as arrays of cell texts (a cell holding a button gives the button's text). */
  get rows(): string[][] {
    return this.children.map((tr) =>
      tr.children.map((td) => td.textContent || (td.children[0]?.textContent ?? "")),
    );
  }
}

function scriptOf(html: string): string {
  const match = /<script>([\s\S]*)<\/script>/.exec(html);
  assert.ok(match, "the page has one inline script");
  return match[1] as string;
}

describe("admin: the live page", () => {
  let h: AdminHarness;
  beforeEach(async () => {
    h = await adminHarness();
  });
  afterEach(() => h.t.emu.close());

  it("is one self-contained HTML page whose policy allows only its own script and style", async () => {
    const res = await h.admin.get("/").expect(200);
    assert.equal(res.headers["content-type"], "text/html; charset=utf-8");
    assert.equal(res.headers["content-security-policy"], PAGE_CSP);
    assert.match(PAGE_CSP, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-/);
    // Nothing fetched from elsewhere: it works offline.
    assert.doesNotMatch(res.text, /https?:\/\/|src=|<link/);
    // Text only ever goes in as text.
    assert.doesNotMatch(scriptOf(res.text), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it("renders services, traffic and settings from the JSON endpoints, as text", async () => {
    const hostile = "/api/<img src=x onerror=alert(1)>";
    h.strain.replace(
      strainSettings({
        latency: { bands: "normal:50ms,10ms" },
        faults: { catalog: ["503:0.2", "reset:0.07"] },
        routes: [{ service: "bands", route: hostile, faults: ["reset:every=3"] }],
      }),
    );
    await h.t.http("bands").get("/actuator/health").expect(200);
    await h.admin.post("/admin/services/tours/down").expect(200);

    const page = await h.admin.get("/").expect(200);
    const elements = new Map<string, FakeElement>();
    const byId = (id: string) => {
      if (!elements.has(id)) elements.set(id, new FakeElement(`#${id}`));
      return elements.get(id) as FakeElement;
    };
    /** Resolves when the status line next says the page was updated. */
    const nextRender = () =>
      new Promise<string>((resolve) => {
        byId("status").onText = (text) => resolve(text);
      });
    const fetched: string[] = [];
    const intervals: number[] = [];
    const context = {
      document: { getElementById: byId, createElement: (tag: string) => new FakeElement(tag) },
      fetch: async (path: string, init?: { method?: string }) => {
        fetched.push(`${init?.method ?? "GET"} ${path}`);
        const res = await (init?.method === "POST" ? h.admin.post(path) : h.admin.get(path));
        return { json: async () => res.body };
      },
      setInterval: (_fn: unknown, ms: number) => intervals.push(ms),
      Date,
      Promise,
      Set,
      Object,
      String,
      encodeURIComponent,
    };
    const rendered = nextRender();
    runInNewContext(scriptOf(page.text), context);
    assert.match(await rendered, /^updated /);

    assert.deepEqual(fetched, ["GET /admin/state", "GET /admin/stats"]);
    assert.deepEqual(intervals, [2000]);
    assert.deepEqual(
      byId("services").rows.map((r) => [r[0], r[1], r[6]]),
      [
        ["auth", "up", "take down"],
        ["users", "up", "take down"],
        ["bands", "up", "take down"],
        ["catalog", "up", "take down"],
        ["tours", "DOWN", "bring up"],
      ],
    );
    const [traffic] = byId("routes").rows;
    assert.deepEqual(traffic?.slice(0, 5), ["bands", "GET", "/actuator/health", "1", "0"]);
    assert.ok(
      traffic?.slice(5).every((ms) => Number(ms) > 0),
      `latency cells ${traffic?.join(" ")}`,
    );
    // The hostile route is shown as the text it is.
    assert.deepEqual(byId("strain").rows, [
      ["bands", "normal:50ms,10ms", "", ""],
      // 0.07 × 100 is 7.000000000000001 in floating point; the page shows 7%.
      ["catalog", "", "503 20%, reset 7%", ""],
      [`bands * ${hostile}`, "", "reset every 3", ""],
    ]);
    assert.equal(byId("seed").textContent, "42");
    assert.equal(byId("saga").textContent, "0 pending, 0 dead letters");

    // The button brings tours back up, and the page shows it.
    const button = byId("services").children[4]?.children[6]?.children[0];
    const again = nextRender();
    await button?.onclick?.();
    await again;
    assert.deepEqual(fetched.slice(2), [
      "POST /admin/services/tours/up",
      "GET /admin/state",
      "GET /admin/stats",
    ]);
    assert.deepEqual(byId("services").rows[4]?.slice(0, 2), ["tours", "up"]);
  });
});
