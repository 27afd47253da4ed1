import { FuseV1Options } from '@electron/fuses';

/**
 * The fuses every released Shopfloor carries (STYLE.md item 19), in electron-builder's
 * `electronFuses` names, each with why. Flipped into the executable at package time, so
 * nobody on a shop-floor PC can turn Shopfloor into a Node runtime or a debugger target.
 */
export const RELEASE_FUSES = {
  // ELECTRON_RUN_AS_NODE would make the signed executable run any script.
  runAsNode: false,
  // NODE_OPTIONS would inject code (--require); this also means NODE_EXTRA_CA_CERTS is ignored.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect would open a debugger into the main process, tokens included.
  enableNodeCliInspectArguments: false,
  // file:// pages get nothing beyond what app:// pages get.
  grantFileProtocolExtraPrivileges: false,
  // Only resources/app.asar is loaded, never a loose resources/app folder dropped next to it.
  onlyLoadAppFromAsar: true,
  // app.asar is checked against the hash in the executable (macOS and Windows; Electron has no Linux check).
  enableEmbeddedAsarIntegrityValidation: true,
  // The session's cookies are encrypted with the OS key store.
  enableCookieEncryption: true,
  // Not used: one V8 snapshot for every process, as Electron ships it.
  loadBrowserProcessSpecificV8Snapshot: false,
} as const;

export type FuseName = keyof typeof RELEASE_FUSES;

/** An enabled fuse on the wire is the character '1' (@electron/fuses' FuseState.ENABLE, which its index does not export). */
export const FUSE_ENABLED = '1'.charCodeAt(0);

/** Where each fuse sits on Electron's fuse wire. */
export const FUSE_WIRE_POSITION: Record<FuseName, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};
