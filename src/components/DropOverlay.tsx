// Files dropped anywhere on the page: while something is dragged over it, a full-page overlay says
// what a drop will do. Listeners sit on the window, so the drop target is the whole page; the
// overlay ignores the pointer, so it never steals the drag events that keep it up.
import { useEffect, useRef, useState } from 'react';
import { classifyDrop, type DropDescription, type DropKind } from '../app/dropInput.ts';

/**
 * Copies what classifyDrop needs out of the DataTransfer. It must run inside the drop handler:
 * the browser empties the DataTransfer once the event is over.
 */
function describeDataTransfer(dt: DataTransfer): DropDescription<File> {
  const items = Array.from(dt.items)
    .filter((item) => item.kind === 'file')
    .map((item) => {
      const file = item.getAsFile();
      // Absent in some browsers; null for a DataTransfer built by a script.
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      return {
        file,
        name: entry?.name ?? file?.name ?? '',
        isDirectory: entry?.isDirectory ?? null,
      };
    });
  // Browsers without DataTransfer.items still list the files.
  const fallback = Array.from(dt.files).map((file) => ({
    file,
    name: file.name,
    isDirectory: null,
  }));
  return { items: items.length > 0 ? items : fallback, types: Array.from(dt.types) };
}

/** A text selection dragged into the paste box should land there, as it normally would. */
function isTextIntoField(event: DragEvent): boolean {
  const target = event.target;
  const field = target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement;
  return field && !(event.dataTransfer?.types.includes('Files') ?? false);
}

export function DropOverlay({ onDrop }: { onDrop: (drop: DropKind<File>) => void }) {
  const [visible, setVisible] = useState(false);
  const latest = useRef(onDrop);
  useEffect(() => {
    latest.current = onDrop;
  });

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the drag
    // has left the page.
    let depth = 0;
    // A drag that began on the page (a text selection) is not an input.
    let inside = false;
    const hide = () => {
      depth = 0;
      setVisible(false);
    };
    const onDragStart = () => {
      inside = true;
    };
    const onDragEnd = () => {
      inside = false;
      hide();
    };
    const onDragEnter = (event: DragEvent) => {
      if (inside || isTextIntoField(event)) return;
      event.preventDefault();
      depth += 1;
      setVisible(true);
    };
    const onDragOver = (event: DragEvent) => {
      if (inside || isTextIntoField(event)) return;
      // Without this the browser would open the file in place of the page.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setVisible(false);
    };
    const onDropEvent = (event: DragEvent) => {
      hide();
      if (inside || isTextIntoField(event)) return;
      event.preventDefault();
      if (event.dataTransfer)
        latest.current(classifyDrop(describeDataTransfer(event.dataTransfer)));
    };
    const listeners = [
      ['dragstart', onDragStart],
      ['dragend', onDragEnd],
      ['dragenter', onDragEnter],
      ['dragover', onDragOver],
      ['dragleave', onDragLeave],
      ['drop', onDropEvent],
    ] as const;
    for (const [type, listener] of listeners) window.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) window.removeEventListener(type, listener);
    };
  }, []);

  if (!visible) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <p>Drop text files to train on them</p>
    </div>
  );
}
