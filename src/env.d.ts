interface ImportMetaEnv {
  /** See src/lib/build/render-key.ts. */
  readonly JINDU_RENDER_KEY?: string;
}
