// Sums the Vitest JSON reports every package wrote and prints one closing line,
// "N passed, N failed", so CI shows a single test summary for the whole workspace.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
}

const [reportName = '.test-report.json', label = 'tests'] = process.argv.slice(2);
const skippedFolders = new Set(['node_modules', '.git', '.turbo', 'dist']);

function findReports(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (entry === reportName) {
      return [path];
    }
    return !skippedFolders.has(entry) && statSync(path).isDirectory() ? findReports(path) : [];
  });
}

const reports = findReports('.');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of reports) {
  const report = JSON.parse(readFileSync(path, 'utf8')) as VitestJsonReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`${path}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
if (reports.length === 0) {
  console.log(`${label}: no test report found`);
  process.exit(1);
}
console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
