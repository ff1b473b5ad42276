// structtree.mjs FILE.pdf prints, as JSON, what pdf.js (the engine of
// Firefox's PDF viewer and its screen-reader support) reads from a tagged
// PDF: for each page, its structure tree with the text of each piece of
// marked content, the link annotations, and the page's text.
import { readFileSync } from "node:fs";

// pdf.js wants DOMMatrix at load time for drawing on a canvas, which this
// script never does; a stand-in keeps the optional native canvas package
// (a prebuilt binary) out of the test's dependencies.
globalThis.DOMMatrix ??= class DOMMatrix {};
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
const meta = await doc.getMetadata();
const out = {
  pages: [],
  info: meta.info,
  markInfo: await doc.getMarkInfo(),
  title: meta.metadata ? meta.metadata.get("dc:title") : null,
};
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const texts = {};
  const stack = [];
  let artifacts = "";
  let outside = "";
  let all = "";
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
      stack.push(item);
      continue;
    }
    if (item.type === "endMarkedContent") {
      stack.pop();
      continue;
    }
    // pdf.js drops the space at the end of a line and marks the line's
    // end instead: keep it as a line break.
    const str = item.str + (item.hasEOL ? "\n" : "");
    all += str;
    const top = stack[stack.length - 1];
    if (top && top.id) {
      texts[top.id] = (texts[top.id] || "") + str;
    } else if (top && top.tag === "Artifact") {
      artifacts += str;
    } else {
      outside += str;
    }
  }
  const annots = (await page.getAnnotations()).map((a) => ({
    id: a.id,
    subtype: a.annotationType,
    url: a.url || null,
    contents: a.contentsObj ? a.contentsObj.str : null,
  }));
  const fill = (node) => {
    if (!node) return null;
    if (node.type === "content") return { content: node.id, text: texts[node.id] ?? null };
    if (node.type === "annotation") return { annotation: node.id };
    if (node.type === "object") return { object: node.id };
    const out = { role: node.role };
    if (node.alt) out.alt = node.alt;
    if (node.lang) out.lang = node.lang;
    out.children = (node.children || []).map(fill);
    return out;
  };
  out.pages.push({
    tree: fill(await page.getStructTree()),
    text: all,
    artifacts,
    outside,
    annotations: annots,
  });
}
process.stdout.write(JSON.stringify(out, null, 1));
