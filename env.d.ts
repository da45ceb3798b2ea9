// Build-time constants that WXT (Vite) replaces in the extension's code.
interface ImportMetaEnv {
  /** 'true' in release builds: no demo localhost, content scripts only on sites the school adds. */
  readonly MARKWISE_RELEASE: string;
  /** 'closed' in every shipped build; 'open' only in the e2e build (npm run build:e2e), for Playwright. */
  readonly MARKWISE_SHADOW_MODE: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** A stylesheet as a (minified) string, for a shadow root. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** A module as a Web Worker (Vite bundles it into its own file). */
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}

/** A stylesheet imported for its effect on an extension page (Vite bundles it). */
declare module '*.css';

/**
 * True in the widget's build only (entrypoints/widget/vite.config.ts): the reading powers that are the
 * extension's are left out (sites/read.ts, sites/profile.ts). Undeclared everywhere else, including the
 * command line and the demo server under tsx, where import.meta.env does not exist.
 */
declare const __MARKWISE_WIDGET__: boolean | undefined;
