// Helpers for the own-text tests: files dropped through a real DataTransfer built in the page (the
// same object a browser hands to a drop from the desktop), and the panels they change.
import type { JSHandle, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

interface DataTransferLike {
  items: { add(file: File): unknown };
  setData(format: string, data: string): void;
}

interface FileInputLike {
  type: string;
  id: string;
  files: ArrayLike<File> | null;
  remove(): void;
}

/**
 * The few browser globals the tests touch inside page functions. The e2e project compiles without
 * the DOM library (it is Node code), so page functions cast globalThis to this; the cast is erased.
 */
export interface PageGlobals {
  DataTransfer: new () => DataTransferLike;
  document: {
    createElement(tag: 'input'): FileInputLike;
    getElementById(id: string): FileInputLike | null;
    body: { append(node: FileInputLike): void };
  };
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
    observe(options: { type: string }): void;
  };
  /** Set by the tests' long-task observer. */
  longTasks?: number[];
  /** Set only if a dropped script ran. */
  __pwned?: number;
}

export interface FileSpec {
  name: string;
  /** The file's text (UTF-8), or its raw bytes. */
  text?: string;
  bytes?: number[];
  type?: string;
}

export function corpusSelect(page: Page) {
  return page.getByLabel('Corpus', { exact: true });
}

export function corpusDetails(page: Page) {
  return page.getByRole('region', { name: 'Corpus details' });
}

export function dropOverlay(page: Page) {
  return page.getByText('Drop text files to train on them');
}

/** dragenter, dragover and drop on the body, as a drag from the desktop fires them. */
export async function dispatchDrop(page: Page, dataTransfer: JSHandle<unknown>) {
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await expect(dropOverlay(page)).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(dropOverlay(page)).toBeHidden();
}

export async function dropFiles(page: Page, files: FileSpec[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((specs) => {
    const dt = new (globalThis as unknown as PageGlobals).DataTransfer();
    for (const spec of specs) {
      const content = spec.bytes !== undefined ? new Uint8Array(spec.bytes) : (spec.text ?? '');
      dt.items.add(new File([content], spec.name, { type: spec.type ?? 'text/plain' }));
    }
    return dt;
  }, files);
  await dispatchDrop(page, dataTransfer);
}

/**
 * A DataTransfer holding files from disk, as a drop from the desktop gives: each File is backed by
 * its path and read from disk when the page reads it (no bytes pass through the test). The files
 * are picked through a stand-in file input, since a script cannot name a path itself.
 */
export async function diskFilesTransfer(page: Page, paths: string[]): Promise<JSHandle<unknown>> {
  await page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'stand-in' });
    document.body.append(input);
  });
  await page.locator('#stand-in').setInputFiles(paths);
  return page.evaluateHandle(() => {
    const g = globalThis as unknown as PageGlobals;
    const input = g.document.getElementById('stand-in');
    const dt = new g.DataTransfer();
    for (const file of Array.from(input?.files ?? [])) dt.items.add(file);
    input?.remove();
    return dt;
  });
}

/** Bytes of `text` in UTF-16 little-endian with a byte order mark, as Windows Notepad saved it. */
export function utf16le(text: string): number[] {
  const bytes = [0xff, 0xfe];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes.push(unit & 0xff, unit >> 8);
  }
  return bytes;
}

export const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Two short lines over and over: a few hundred characters with a small vocabulary. */
export function rhyme(times = 20): string {
  return 'the cat sat on the mat.\nthe dog ran to the log.\n'.repeat(times);
}
