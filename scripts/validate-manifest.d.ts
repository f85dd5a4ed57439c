// Types for scripts/validate-manifest.js, so tests/manifest.test.ts can import it under strict TypeScript.
export interface ManifestError {
  /** 1-based line in the manifest, or null when xmllint gave none. */
  line: number | null;
  message: string;
}

export function validateManifest(
  xml: string,
  fileName?: string,
): Promise<{ valid: boolean; errors: ManifestError[] }>;

export const SCHEMA_DIR: string;
