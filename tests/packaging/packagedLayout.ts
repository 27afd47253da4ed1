import { getRawHeader } from '@electron/asar';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../helpers/tempDir';

/** The packaged app as scripts/package-layout.mjs builds it, in a temp folder. */
export interface PackagedLayout {
  /** linux-unpacked: what the deb and the AppImage would install. */
  appOutDir: string;
  executable: string;
  asar: string;
  unpacked: string;
  remove(): void;
}

/** One file in app.asar; `unpacked` files live in app.asar.unpacked at the same relative path. */
export interface ArchiveFile {
  path: string;
  size: number;
  unpacked: boolean;
}

/**
 * Builds the layout into a fresh temp folder (never into the checkout: a node_modules above
 * the packaged files would let a missing package resolve from outside them).
 */
export async function buildPackagedLayout(): Promise<PackagedLayout> {
  const temp = makeTempDir('shopfloor-package-');
  const output: string[] = [];
  const child = spawn(process.execPath, ['scripts/package-layout.mjs', '--out', temp.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (status !== 0) {
    temp.remove();
    throw new Error(`scripts/package-layout.mjs failed (exit ${status}):\n${output.join('')}`);
  }
  const name = readdirSync(temp.dir).find((entry) => entry.startsWith('linux') && entry.endsWith('unpacked'));
  if (!name) throw new Error(`electron-builder made no linux-unpacked folder in ${temp.dir}:\n${output.join('')}`);
  const appOutDir = path.join(temp.dir, name);
  const asar = path.join(appOutDir, 'resources', 'app.asar');
  return { appOutDir, executable: path.join(appOutDir, 'shopfloor'), asar, unpacked: `${asar}.unpacked`, remove: temp.remove };
}

type HeaderNode = { files?: Record<string, HeaderNode>; size?: number; unpacked?: boolean; link?: string };

/** Every file in the archive, from its header (paths with forward slashes, no leading slash). */
export function archiveFiles(asar: string): ArchiveFile[] {
  const files: ArchiveFile[] = [];
  const walk = (node: HeaderNode, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const at = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, at);
      else if (!child.link) files.push({ path: at, size: child.size ?? 0, unpacked: child.unpacked === true });
    }
  };
  walk(getRawHeader(asar).header as HeaderNode, '');
  return files;
}

/** The relative requires of a built file (`require("./chunks/x.js")`), as archive paths. */
export function relativeRequires(source: string, fromPath: string): string[] {
  return [...source.matchAll(/\brequire\("(\.{1,2}\/[^"]+)"\)/g)].map(([, spec]) => path.posix.join(path.posix.dirname(fromPath), spec!));
}

/** True when the unpacked copy of an archive file is on disk, where Electron reads it. */
export const onDiskUnpacked = (layout: PackagedLayout, file: string) => existsSync(path.join(layout.unpacked, file));
