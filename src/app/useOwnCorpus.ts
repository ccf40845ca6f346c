// The user's own text as React state: files opened, dropped or pasted go to the corpus worker, and
// come back as a new corpus option, a question (an offer to fix the text) or a message. Nothing
// here touches the selected corpus, the run, the chart or the samples unless a text is added, and
// even then it is only selected when no run is under way (options.canSelect).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CorpusSummary } from '../corpus/stats.ts';
import type { ValidationSettings } from '../corpus/validate.ts';
import { PrepCancelled, createCorpusPrepClient, type Prepared } from './corpusPrepClient.ts';
import type { DropKind } from './dropInput.ts';
import {
  OWN_ID_PREFIX,
  addedNotice,
  alertFor,
  dropAlert,
  folderIssues,
  makeOwnCorpus,
  plainAlert,
  type OwnAlert,
  type OwnCorpus,
} from './ownCorpus.ts';
import { PASTED_LABEL, decide, type FileIssue, type Preparation } from './prepareCorpus.ts';
import { errorMessage } from './useCorpusLibrary.ts';
import { createValueStore, type ValueStore } from './valueStore.ts';

export interface OwnCorpusOptions {
  /** The form's settings, which decide "too short"; read when an input arrives. */
  settings: ValidationSettings;
  /** Whether a text that is ready may be selected now: not while a run is under way. */
  canSelect: () => boolean;
  select: (id: string) => void;
}

export interface Reading {
  /** "notes.txt", "3 files", "pasted text". */
  label: string;
  /** Share of the bytes read; null while checking text that needs no reading. */
  fraction: number | null;
}

export interface OwnText {
  corpora: readonly OwnCorpus[];
  /** The read under way, if any: a store, so that its progress re-renders only its bar. */
  reading: ValueStore<Reading | null>;
  alert: OwnAlert | null;
  /** What happened to the last input that worked, in a sentence. */
  notice: string | null;
  addFiles(files: readonly File[]): void;
  addPasted(text: string): void;
  addDrop(drop: DropKind<File>): void;
  /** Answers the alert's question: a choice's id. */
  choose(id: string): void;
  dismiss(): void;
  cancelReading(): void;
  summarise(text: string): Promise<CorpusSummary>;
}

interface Pending {
  prep: Preparation;
  /** The number the worker holds its text by, to apply an offer to. */
  ref: number;
  /** The files it came from, to read again when the answer is "use the first 50 MB". */
  files: readonly File[];
}

export function useOwnCorpus(options: OwnCorpusOptions): OwnText {
  const [client] = useState(createCorpusPrepClient);
  useEffect(() => () => client.dispose(), [client]);
  // The latest settings and callbacks, for answers that arrive renders after the input.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const [corpora, setCorpora] = useState<readonly OwnCorpus[]>([]);
  const [reading] = useState(() => createValueStore<Reading | null>(null));
  const setReading = reading.set;
  const [alert, setAlert] = useState<OwnAlert | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const added = useRef<readonly OwnCorpus[]>([]);
  const pending = useRef<Pending | null>(null);
  // Each input gets a number; an answer for an older one is dropped (a newer input replaced it).
  const generation = useRef(0);
  const nextId = useRef(1);

  /** A new input replaces whatever the last one was doing or asking. */
  const begin = useCallback(
    (label: string, fraction: number | null): number => {
      client.cancelReads();
      pending.current = null;
      setAlert(null);
      setNotice(null);
      setReading({ label, fraction });
      return ++generation.current;
    },
    [client],
  );

  const add = useCallback((prep: Preparation) => {
    const id = `${OWN_ID_PREFIX}${nextId.current++}`;
    const corpus = makeOwnCorpus(
      id,
      prep,
      added.current.map((c) => c.title),
    );
    if (corpus === null) return;
    added.current = [...added.current, corpus];
    setCorpora(added.current);
    const selected = latest.current.canSelect();
    if (selected) latest.current.select(id);
    setNotice(addedNotice(corpus.title, selected));
  }, []);

  const settle = useCallback(
    (gen: number, { preparation: prep, ref }: Prepared, files: readonly File[]) => {
      if (gen !== generation.current) return;
      setReading(null);
      const decision = decide(prep);
      if (decision.kind === 'offer') pending.current = { prep, ref, files };
      if (decision.kind === 'add') add(prep);
      setAlert(alertFor(prep, decision));
    },
    [add],
  );

  const fail = useCallback((gen: number, error: unknown) => {
    if (error instanceof PrepCancelled || gen !== generation.current) return;
    setReading(null);
    setAlert(plainAlert('Reading failed', errorMessage(error)));
  }, []);

  const readFiles = useCallback(
    (files: readonly File[], extra: FileIssue[], readFirstPart: boolean) => {
      const label = files.length === 1 ? (files[0]?.name ?? '') : `${files.length} files`;
      const gen = begin(label, 0);
      const onProgress = (fraction: number) => {
        if (gen === generation.current) setReading({ label, fraction });
      };
      client
        .prepareFiles([...files], latest.current.settings, readFirstPart, onProgress)
        .then(({ preparation: prep, ref }) => {
          const fileIssues = [...extra, ...prep.fileIssues];
          settle(gen, { preparation: { ...prep, fileIssues }, ref }, files);
        })
        .catch((error: unknown) => fail(gen, error));
    },
    [begin, client, settle, fail],
  );

  const addFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length > 0) readFiles(files, [], false);
    },
    [readFiles],
  );

  const addPasted = useCallback(
    (text: string) => {
      const gen = begin(PASTED_LABEL, null);
      client
        .preparePasted(text, latest.current.settings)
        .then((prepared) => settle(gen, prepared, []))
        .catch((error: unknown) => fail(gen, error));
    },
    [begin, client, settle, fail],
  );

  const refuse = useCallback(
    (message: OwnAlert) => {
      begin('', null);
      setReading(null);
      setAlert(message);
    },
    [begin],
  );

  const addDrop = useCallback(
    (drop: DropKind<File>) => {
      if (drop.kind === 'files' && drop.files.length > 0) {
        return readFiles(drop.files, folderIssues(drop.folders), false);
      }
      const alert = dropAlert(drop);
      if (alert !== null) refuse(alert);
    },
    [readFiles, refuse],
  );

  const choose = useCallback(
    (id: string) => {
      const asked = pending.current;
      if (asked === null) return;
      const { prep, ref, files } = asked;
      const decision = decide(prep);
      if (id === 'as-is') {
        pending.current = null;
        add(prep);
        setAlert(alertFor(prep, { kind: 'add' }));
        return;
      }
      const offer = decision.kind === 'offer' ? decision.offers[Number(id.slice(6))] : undefined;
      if (offer === undefined) return;
      // An oversize file was never read: read its start now.
      if (prep.text === null && offer.kind === 'truncate') return readFiles(files, [], true);
      const gen = begin(prep.label, null);
      client
        .applyOffer(ref, offer, latest.current.settings)
        .then((next) => settle(gen, next, files))
        .catch((error: unknown) => fail(gen, error));
    },
    [add, begin, client, fail, readFiles, settle],
  );

  const dismiss = useCallback(() => {
    pending.current = null;
    setAlert(null);
  }, []);

  const cancelReading = useCallback(() => {
    generation.current += 1;
    client.cancelReads();
    setReading(null);
    setNotice('Reading cancelled: nothing was added.');
  }, [client]);

  const summarise = useCallback((text: string) => client.summarise(text), [client]);

  return {
    corpora,
    reading,
    alert,
    notice,
    addFiles,
    addPasted,
    addDrop,
    choose,
    dismiss,
    cancelReading,
    summarise,
  };
}
