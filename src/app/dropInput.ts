// What was dropped on the page: text files, a folder, or something from another page (a link or an
// image), each of which needs a different answer. Pure: the drop handler copies what it needs out
// of the DataTransfer (which is emptied once the event is over) into a DropDescription, so the
// rules are unit-tested without a browser.

export const FOLDER_MESSAGE = "Folders can't be used: drop the text files inside it.";

export const LINK_MESSAGE =
  'That was a link or an image from a page, not a file: save it as a text file first, or paste ' +
  'the text.';

export const TEXT_DRAG_MESSAGE =
  'That was a piece of text dragged from a page, not a file: paste it into the "Paste text" box ' +
  'instead, or save it as a text file first.';

export const UNREADABLE_MESSAGE =
  'This file could not be read: it may have been moved or deleted, or another program may be ' +
  'holding it. Save it again and retry.';

/** One dropped file-like item, as DataTransferItem reports it. */
export interface DroppedItem<F> {
  file: F | null;
  name: string;
  /**
   * webkitGetAsEntry()?.isDirectory: true for a folder, false for a file, null when the browser
   * gives no entry (a DataTransfer built by a script, or browsers without the method).
   */
  isDirectory: boolean | null;
}

export interface DropDescription<F> {
  /** Items of kind "file", in the order the browser lists them. */
  items: readonly DroppedItem<F>[];
  /** dataTransfer.types: "Files", "text/uri-list", "text/html", "text/plain"… */
  types: readonly string[];
}

export type DropKind<F> =
  /** Files to read; folders are listed by name, to be reported and left out. */
  | { kind: 'files'; files: F[]; folders: string[] }
  /** A link or an image dragged from a page: nothing to read. */
  | { kind: 'link' }
  /** A text selection dragged from a page. */
  | { kind: 'text' }
  /** Nothing usable at all (an empty drag). */
  | { kind: 'nothing' };

export function classifyDrop<F>(drop: DropDescription<F>): DropKind<F> {
  const files: F[] = [];
  const folders: string[] = [];
  for (const item of drop.items) {
    if (item.isDirectory === true) folders.push(item.name);
    else if (item.file !== null) files.push(item.file);
  }
  if (files.length > 0 || folders.length > 0) return { kind: 'files', files, folders };
  // An image dragged from a page comes as its address (and as HTML), never as a file.
  if (drop.types.includes('text/uri-list') || drop.types.includes('text/html')) {
    return { kind: 'link' };
  }
  if (drop.types.includes('text/plain')) return { kind: 'text' };
  return { kind: 'nothing' };
}

/** A file the browser listed but could not read. */
export interface UnreadableFile {
  name: string;
  size: number;
  type: string;
}

/**
 * Why a listed file could not be read. Chromium turns a dropped folder into a File with no type
 * (and size 0, or the directory entry's size) that fails to read; when webkitGetAsEntry was not
 * available to say so, an untyped file that cannot be read is taken for a folder. A typed one
 * (text/plain…) is a real file that went away or is locked.
 */
export function unreadableFileProblem(file: UnreadableFile): { kind: string; message: string } {
  return file.type === ''
    ? { kind: 'folder', message: FOLDER_MESSAGE }
    : { kind: 'unreadable', message: UNREADABLE_MESSAGE };
}
