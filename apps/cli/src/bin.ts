#!/usr/bin/env node
/**
 * The `parcelgate` executable: runs the command line on the real process and exits with its
 * code. Ctrl-C aborts what is running (a poll, a request) and exits 130.
 */
import { processIo } from './io.ts';
import { runCli } from './run-cli.ts';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('interrupted')));
process.exitCode = await runCli(process.argv.slice(2), processIo(controller.signal));
