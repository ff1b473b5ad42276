// check.mjs: open each HTML page in headless Chromium and run axe-core on
// it. Exits 1 when any page has a violation, makes any network request
// other than its own file, or runs a script of its own; 2 on misuse.
//
//   node check.mjs [--screenshot DIR] PAGE.html...
//
// Chromium is Debian's (/usr/bin/chromium, or $CHROMIUM); playwright-core
// only drives it, so nothing is downloaded.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const args = process.argv.slice(2);
let shots = "";
const pages = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--screenshot") shots = args[++i] ?? "";
  else pages.push(args[i]);
}
if (pages.length === 0) {
  console.error("usage: node check.mjs [--screenshot DIR] PAGE.html...");
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "pressroom-a11y-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

let failed = 0;
try {
  for (const file of pages) {
    const url = pathToFileURL(resolve(file)).href;
    for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 375, height: 740 }]]) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const foreign = [];
      page.on("request", (r) => { if (r.url() !== url) foreign.push(r.url()); });
      await page.goto(url, { waitUntil: "load" });
      const scripts = await page.evaluate(() => document.scripts.length);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        // wcag2/21/22 A and AA plus best practice; all rules of those tags.
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }));
      // A phone must not need to scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const problems = [];
      for (const v of result.violations) {
        for (const n of v.nodes) problems.push(`${v.id} (${v.impact}): ${v.help}\n      at ${n.target.join(" ")}\n      ${n.failureSummary.replace(/\n/g, "\n      ")}`);
      }
      if (scripts > 0) problems.push(`the page has ${scripts} script element(s); pressroom pages have none`);
      for (const u of foreign) problems.push(`the page requested ${u}; it must be self-contained`);
      if (overflow > 0) problems.push(`the page is ${overflow}px wider than a ${viewport.width}px screen`);
      if (shots) {
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, `${basename(file, ".html")}-${name}.png`), fullPage: true });
      }
      if (problems.length) {
        failed++;
        console.log(`${file} (${name}): ${problems.length} problem(s)`);
        for (const p of problems) console.log(`  - ${p}`);
      } else {
        console.log(`${file} (${name}): ok, ${result.passes.length} rules passed, ${result.incomplete.length} need a human look`);
      }
      await page.close();
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
