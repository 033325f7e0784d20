// Browser-test helpers for the Overview: wait until its tiles and charts are drawn, and check that
// what the tiles say is exactly what GET /api/v1/metrics/dora answers for the same window, worded by
// the web app's own formatters (web/src/features/dora/doraView.ts).
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { DoraMetrics } from "../../server/src/services/getDoraMetrics.ts";
import { doraTiles, valueText } from "../../web/src/features/dora/doraView.ts";

const plain = (s: string | null | undefined) =>
  (s ?? "")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Waits until the tiles show an answer for the current filters and the five charts are drawn. */
export async function overviewReady(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('[data-testid="dora-tiles"][data-ready="true"]').waitFor({ timeout });
  await page.waitForFunction(() => document.querySelectorAll('.trends [data-testid="chart"][data-chart-ready="true"]').length === 5, undefined, { timeout });
}

export interface TileText {
  value: string;
  level: string | null;
  change: string;
  detail: string;
}

export async function readTiles(page: Page): Promise<Record<string, TileText>> {
  const tiles = page.locator("[data-testid=dora-tiles] article[data-metric]");
  const out: Record<string, TileText> = {};
  for (let i = 0; i < (await tiles.count()); i++) {
    const tile = tiles.nth(i);
    const key = (await tile.getAttribute("data-metric")) ?? "";
    const level = tile.locator(".level");
    out[key] = {
      value: plain(await tile.getByTestId("tile-value").textContent()),
      level: (await level.count()) > 0 ? plain(await level.textContent()).replace(/^DORA level: /, "") : null,
      // What is on screen: the screen-reader sentence beside it is checked on its own.
      change: plain(
        await tile.locator(".tile-change").evaluate((el) =>
          [...el.childNodes]
            .filter((n) => !(n instanceof Element && n.classList.contains("visually-hidden")))
            .map((n) => n.textContent)
            .join(" "),
        ),
      ),
      detail: plain(await tile.locator(".tile-detail").textContent()),
    };
  }
  return out;
}

/** The tiles the web app would draw from the API's answer for the window the page shows. */
export async function expectedTiles(
  page: Page,
  api: (pathAndQuery: string) => Promise<DoraMetrics>,
  dataSince: string | null,
  filters: Record<string, string> = {},
): Promise<{ report: DoraMetrics; tiles: Record<string, TileText> }> {
  const section = page.getByTestId("dora-tiles");
  const from = await section.getAttribute("data-window-from");
  const to = await section.getAttribute("data-window-to");
  if (!from || !to) throw new Error("the tiles do not say which window they show");
  const report = await api(`/metrics/dora?${new URLSearchParams({ from, to, ...filters })}`);
  const tiles: Record<string, TileText> = {};
  for (const tile of doraTiles(report, dataSince)) {
    const levelWord = tile.hasLevel && tile.level ? tile.level.toUpperCase() : null;
    tiles[tile.key] = {
      value: plain(valueText(tile.value)),
      level: levelWord,
      change:
        tile.change.tone === "better" || tile.change.tone === "worse"
          ? plain(`${tile.change.text} ${tile.change.tone} from ${tile.change.previous}`)
          : tile.change.tone === "same"
            ? plain(`No change from ${tile.change.previous}`)
            : plain(tile.change.text),
      detail: plain(tile.detail),
    };
  }
  return { report, tiles };
}

/** The page's tiles say what the API says for their window. */
export async function expectTilesMatchApi(
  page: Page,
  api: (pathAndQuery: string) => Promise<DoraMetrics>,
  dataSince: string | null,
  filters: Record<string, string> = {},
): Promise<DoraMetrics> {
  const { report, tiles } = await expectedTiles(page, api, dataSince, filters);
  const shown = await readTiles(page);
  // The level badge is upper-cased by CSS only: compare case-insensitively.
  for (const t of Object.values(shown)) if (t.level) t.level = t.level.toUpperCase();
  expect(shown).toEqual(tiles);
  return report;
}
