// Drives pages in headless Chromium for the Java browser tests: serves the widget page and the chat library on
// 127.0.0.1, opens Debian's Chromium through playwright-core (no browser download), then answers one JSON command
// per line on stdin with one JSON line on stdout: {"id", "page", "call", "args"} -> {"id", "ok", "value" | "error"}.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const moduleRoot = path.resolve(here, "../../..");
const files = {
  "/widget.html": [path.join(here, "widget.html"), "text/html"],
  "/chatjs/amazon-connect-chat.js": [path.join(moduleRoot, "node_modules/amazon-connect-chatjs/dist/amazon-connect-chat.js"),
    "text/javascript"],
};
const server = http.createServer((req, res) => {
  const file = files[req.url.split("?")[0]];
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "Content-Type": file[1] });
  fs.createReadStream(file[0]).pipe(res);
});
await new Promise(resolve => server.listen(0, "127.0.0.1", resolve));
const site = "http://127.0.0.1:" + server.address().port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const pages = {};
const console_ = [];

async function open(name, url) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  page.on("console", m => console_.push(name + " " + m.type() + ": " + m.text()));
  page.on("pageerror", e => console_.push(name + " pageerror: " + e.message));
  await page.goto(url);
  pages[name] = page;
}

const commands = {
  async open({ page, url }) {
    await open(page, url || site + "/widget.html");
  },
  async screenshot({ page, file }) {
    await pages[page].screenshot({ path: file, fullPage: true });
  },
  async click({ page, selector }) {
    await pages[page].click(selector);
  },
  async fill({ page, selector, text }) {
    await pages[page].fill(selector, text);
  },
  async select({ page, selector, value }) {
    await pages[page].selectOption(selector, value);
  },
  async setFile({ page, selector, name, type, text }) {
    await pages[page].setInputFiles(selector, { name, mimeType: type, buffer: Buffer.from(text) });
  },
  async text({ page, selector }) {
    return await pages[page].innerText(selector);
  },
  async log() {
    return console_.splice(0);
  },
};

function reply(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

reply({ id: 0, ok: true, value: site });
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const { id, page, call, args } = JSON.parse(line);
  try {
    let value;
    if (call === "quit") {
      break;
    } else if (commands[call]) {
      value = await commands[call]({ page, ...(args || {}) });
    } else {
      // anything else is a method of the page's window.widget
      value = await pages[page].evaluate(([name, a]) => window.widget[name](a), [call, args ?? null]);
    }
    reply({ id, ok: true, value: value ?? null });
  } catch (e) {
    reply({ id, ok: false, error: String(e && e.message || e) });
  }
}
await browser.close();
server.close();
