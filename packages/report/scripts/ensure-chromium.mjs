#!/usr/bin/env node
// Makes sure the Chromium that the browser tests drive is installed, before they run.
// On Debian as root it installs the distribution's package with apt-get; anywhere else it says
// how to install it and exits non-zero. It never downloads a browser by itself.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.FACTCHECK_CHROMIUM ?? '/usr/bin/chromium';
const APT_GET = '/usr/bin/apt-get';

function run(command, args) {
  console.log(`ensure-chromium: running ${[command, ...args].join(' ')}`);
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (outcome.error) {
    console.error(`ensure-chromium: could not run ${command}: ${outcome.error.message}`);
    return false;
  }
  if (outcome.status !== 0) {
    console.error(`ensure-chromium: ${command} ${args[0]} exited with status ${outcome.status}`);
    return false;
  }
  return true;
}

function howToInstall() {
  return [
    `ensure-chromium: Chromium was not found at ${CHROMIUM}; the browser tests need it.`,
    'Install it with your system package manager, for example:',
    '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
    '  Fedora:         sudo dnf install chromium',
    '  macOS:          brew install --cask chromium',
    'or point FACTCHECK_CHROMIUM at an installed Chromium or Chrome binary.',
  ].join('\n');
}

if (existsSync(CHROMIUM)) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (process.platform === 'linux' && isRoot && existsSync(APT_GET) && CHROMIUM === '/usr/bin/chromium') {
  console.log(`ensure-chromium: ${CHROMIUM} is missing; installing the Debian package "chromium" with apt-get.`);
  if (run(APT_GET, ['update']) && run(APT_GET, ['install', '-y', 'chromium']) && existsSync(CHROMIUM)) {
    console.log(`ensure-chromium: installed ${CHROMIUM}.`);
    process.exit(0);
  }
  console.error(`ensure-chromium: the install did not produce ${CHROMIUM}.`);
}
console.error(howToInstall());
process.exit(1);
