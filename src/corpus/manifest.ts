// The built-in corpus library's manifest (public/corpora/manifest.json), written by
// scripts/build-corpora.ts and read by the page. Pure types and a parser: no DOM, no tfjs.

export interface CorpusEntry {
  /** Stable id, used in URLs: lowercase letters, digits and dashes. */
  id: string;
  title: string;
  /** One line: what it is and what the network learns from it. */
  description: string;
  /** File name inside public/corpora. */
  file: string;
  /** UTF-8 size of the file in bytes. */
  bytes: number;
  /** Length in Unicode code points (what the model counts as characters). */
  chars: number;
  /** Distinct code points. */
  vocabSize: number;
  /** Where the text comes from (package name and version, or "generated"). */
  source: string;
  licence: string;
  /** Id of the suggested preset (src/model/presets.ts); absent in manifests from older builds. */
  preset?: string;
}

export interface CorpusManifest {
  corpora: CorpusEntry[];
  /** Id of the corpus the page selects first. */
  defaultId: string;
}
