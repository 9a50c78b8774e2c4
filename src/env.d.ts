interface ImportMetaEnv {
  /** See src/lib/render-key.ts. */
  readonly JINDU_RENDER_KEY?: string;
}
