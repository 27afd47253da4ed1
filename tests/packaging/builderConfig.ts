import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { z } from 'zod';
import { RELEASE_FUSES } from './releaseFuses';

/** A target is a name or `{ target, arch }` in electron-builder's config. */
const Targets = z
  .array(z.union([z.string(), z.object({ target: z.string() })]))
  .transform((targets) => targets.map((t) => (typeof t === 'string' ? t : t.target)));

const WindowsInstaller = z.object({
  artifactName: z.string().optional(),
  oneClick: z.boolean().optional(),
  perMachine: z.boolean().optional(),
  runAfterFinish: z.boolean().optional(),
  upgradeCode: z.string().optional(),
});

/** The part of electron-builder.yml the packaging checks read; anything else may be there too. */
export const BuilderConfig = z.object({
  appId: z.string(),
  productName: z.string(),
  files: z.array(z.string()),
  asarUnpack: z.array(z.string()),
  npmRebuild: z.boolean().optional(),
  electronFuses: z.object(Object.fromEntries(Object.keys(RELEASE_FUSES).map((name) => [name, z.boolean().optional()]))),
  linux: z.object({ target: Targets }),
  win: z.object({ target: Targets }),
  nsis: WindowsInstaller.optional(),
  msi: WindowsInstaller.optional(),
  publish: z.object({ provider: z.string(), url: z.string(), useMultipleRangeRequest: z.boolean().optional() }).nullable().optional(),
});
export type BuilderConfig = z.infer<typeof BuilderConfig>;

export function readBuilderConfig(file = 'electron-builder.yml'): BuilderConfig {
  return BuilderConfig.parse(load(readFileSync(file, 'utf8')));
}
