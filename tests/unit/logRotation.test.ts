import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import log from 'electron-log/node';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLogRotation, archiveLogFile, LOG_ARCHIVES_KEPT, LOG_MAX_BYTES } from '../../main/core/logRotation';
import { makeTempDir } from '../helpers/tempDir';

/** Logs keep weeks of history: several archived files, not electron-log's single .old one. */
const temps: { remove(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));
const folder = () => {
  const temp = makeTempDir('shopfloor-logs-');
  temps.push(temp);
  return temp.dir;
};

describe('log rotation', () => {
  it('shifts main.log → main.1.log → … and drops the oldest past the kept number', () => {
    const dir = folder();
    const current = path.join(dir, 'main.log');
    for (let n = 1; n <= 5; n++) {
      writeFileSync(current, `file ${n}\n`);
      archiveLogFile(current, 3);
    }
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
    expect(['main.1.log', 'main.2.log', 'main.3.log'].map((f) => readFileSync(path.join(dir, f), 'utf8'))).toEqual(['file 5\n', 'file 4\n', 'file 3\n']);
  });

  it('is what electron-log does when a file is full: nothing written is lost until the oldest archive goes', () => {
    const dir = folder();
    const logger = log.create({ logId: `rotation-${dir}` });
    logger.transports.console.level = false;
    logger.transports.file.resolvePathFn = () => path.join(dir, 'main.log');
    applyLogRotation(logger.transports.file);
    expect(logger.transports.file.maxSize).toBe(LOG_MAX_BYTES);
    expect(LOG_MAX_BYTES * (LOG_ARCHIVES_KEPT + 1)).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    // Same mechanism at a size a test can fill: about 4 lines per file.
    logger.transports.file.maxSize = 200;
    for (let n = 1; n <= 40; n++) logger.info(`line ${String(n).padStart(2, '0')}`);
    const files = readdirSync(dir).sort();
    expect(files).toContain('main.log');
    expect(files).toContain(`main.${LOG_ARCHIVES_KEPT}.log`);
    expect(files).toHaveLength(LOG_ARCHIVES_KEPT + 1);
    expect(files.some((f) => f.includes('.old'))).toBe(false);
    // Newest file has the last line; every line from the oldest kept one on is there, once, in order.
    const ordered = [...Array.from({ length: LOG_ARCHIVES_KEPT }, (_, i) => `main.${LOG_ARCHIVES_KEPT - i}.log`), 'main.log'];
    const lines = ordered.flatMap((f) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n')).map((l) => l.slice(-7));
    expect(lines.at(-1)).toBe('line 40');
    const numbers = lines.map((l) => Number(l.slice(5)));
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => numbers[0]! + i));
  });
});
