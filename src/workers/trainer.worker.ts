// The training worker: receives Commands, runs one TrainingSession, posts TrainerEvents.
// The page never imports tfjs; everything tfjs happens here.
import { validateHyperparameters } from '../model/config.ts';
import * as tf from '@tensorflow/tfjs-core';
import { importLayersModel } from '../model/importLayers.ts';
import { chooseBackend } from './backends.ts';
import type { Command, TrainerEvent } from './protocol.ts';
import { TrainingSession } from './session.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let session: TrainingSession | null = null;
const NO_MODEL = 'There is no model yet: press Train or Step first.';

function post(event: TrainerEvent, transfer: ArrayBuffer[] = []): void {
  scope.postMessage(event, transfer);
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  post({ type: 'error', message });
  post({ type: 'phase', phase: 'error', message });
}

async function start(command: Extract<Command, { type: 'start' }>): Promise<void> {
  if (session) {
    fail(new Error('A run is already in progress in this worker.'));
    return;
  }
  const errors = Object.values(validateHyperparameters(command.hyper));
  if (errors.length > 0) {
    fail(new Error(errors.join(' ')));
    return;
  }
  const { hyper } = command;
  const current = new TrainingSession(
    command.corpus,
    hyper,
    post,
    command.paused === true,
    command.resume ?? null,
  );
  session = current;
  post({ type: 'phase', phase: 'initialising', message: 'Choosing a backend…' });
  const chosen = await chooseBackend(
    command.backend,
    { cell: hyper.cell, embedding: hyper.embeddingSize > 0 },
    (name) =>
      post({ type: 'phase', phase: 'initialising', message: `Checking the ${name} backend…` }),
  );
  post({ type: 'backend', ...chosen });
  await current.run(chosen.name);
}

function importModelFiles(id: number, modelJson: string, weights: ArrayBuffer): void {
  // Without a run this worker has no backend yet: converting needs only the plain-JS one.
  const ready = session ? Promise.resolve(true) : tf.setBackend('cpu');
  ready
    .then(() => importLayersModel(modelJson, weights))
    .then(
      (checkpoint) => post({ type: 'imported', id, checkpoint, error: null }),
      (e: unknown) =>
        post({
          type: 'imported',
          id,
          checkpoint: null,
          error: e instanceof Error ? e.message : String(e),
        }),
    );
}

async function exportModel(id: number): Promise<void> {
  const loop = session?.current;
  if (!loop) {
    post({ type: 'exported', id, modelJson: '', weights: null, error: NO_MODEL });
    return;
  }
  const files = await loop.exportModel();
  post({ type: 'exported', id, modelJson: files.modelJson, weights: files.weights, error: null }, [
    files.weights,
  ]);
}

scope.onmessage = (e: MessageEvent<Command>) => {
  const command = e.data;
  switch (command.type) {
    case 'start':
      start(command).catch(fail);
      break;
    case 'pause':
      session?.pause();
      break;
    case 'resume':
      session?.resume();
      break;
    case 'step':
      session?.step();
      break;
    case 'stop':
      session?.stop();
      break;
    case 'setLearningRate':
      if (session && Number.isFinite(command.value) && command.value > 0) {
        session.live.learningRate = command.value;
      }
      break;
    case 'generate':
      if (session?.insights) session.insights.generate(command).catch(fail);
      else post({ type: 'generated', id: command.id, chunk: '', done: true, error: NO_MODEL });
      break;
    case 'export':
      exportModel(command.id).catch(fail);
      break;
    case 'importModel':
      importModelFiles(command.id, command.modelJson, command.weights);
      break;
    case 'stopGenerating':
      session?.insights?.stopGenerating(command.id);
      break;
    case 'inspect':
      if (session?.insights) {
        session.insights.inspect(command.id, command.text, command.topK).catch(fail);
      } else {
        post({ type: 'inspectionFailed', id: command.id, message: NO_MODEL });
      }
      break;
    case 'setTemperature':
      if (session && Number.isFinite(command.value) && command.value >= 0) {
        session.live.temperature = command.value;
      }
      break;
  }
};
