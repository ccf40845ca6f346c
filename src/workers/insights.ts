// What the page can ask a model besides training it: generation (network or n-gram), a look
// inside over a snippet, and the run's reference figures (n-gram baselines, addition accuracy,
// copied spans in samples). One instance per run, over the loop's live network.
import { additionProblems, exactMatchAccuracy, isAdditionCorpus } from '../model/addition.ts';
import { inspect } from '../model/inspect.ts';
import { buildCopyIndex, copiedSpans, type CopyIndex } from '../model/memorisation.ts';
import type { CharRnn } from '../model/network.ts';
import { ngramDistribution, ngramLoss, trainNgram, type NgramModel } from '../model/ngram.ts';
import { deriveRng } from '../model/random.ts';
import { greedyContinuations } from '../model/greedyBatch.ts';
import { pickFromLogits, StatefulSampler, topKIds } from '../model/sample.ts';
import { decode, encode, unknownChars, type Vocab } from '../model/vocab.ts';
import type { Command, NextCharacters, PostEvent, TextSpan } from './protocol.ts';
import { MAX_INSPECT_CHARS } from './protocol.ts';
import { yieldToEventLoop } from './yieldToEventLoop.ts';

/** N-gram models count at most this much training text: enough for stable figures, bounded memory. */
const NGRAM_TEXT = 500_000;
export const NGRAM_ORDERS = [1, 2, 3, 4, 5] as const;
/** Add-k smoothing of the baselines: small, as the vocabulary can be large. */
const NGRAM_ALPHA = 0.1;
/** Held-out sums scored per measurement on the addition corpus. */
const ADDITION_PROBLEMS = 50;
/** Generated characters are posted in chunks this often, so the page can stream them. */
const CHUNK_MS = 50;

type Generate = Extract<Command, { type: 'generate' }>;

export class Insights {
  private copyIndex: CopyIndex | null = null;
  private readonly ngrams = new Map<number, NgramModel>();
  private readonly cancelled = new Set<number>();
  private readonly addition: ReturnType<typeof additionProblems>;

  constructor(
    private readonly net: CharRnn,
    private readonly vocab: Vocab,
    private readonly train: Int32Array,
    private readonly val: Int32Array,
    private readonly post: PostEvent,
    private readonly currentStep: () => number,
  ) {
    const valText = decode(vocab, val);
    this.addition = isAdditionCorpus(valText)
      ? additionProblems(valText.slice(valText.indexOf('\n') + 1), ADDITION_PROBLEMS)
      : [];
  }

  private ngram(order: number): NgramModel {
    let model = this.ngrams.get(order);
    if (!model) {
      model = trainNgram(
        this.train.subarray(0, NGRAM_TEXT),
        this.vocab.chars.length,
        order,
        NGRAM_ALPHA,
      );
      this.ngrams.set(order, model);
    }
    return model;
  }

  /** Validation loss of every n-gram order, yielding between orders so commands still get in. */
  async postBaselines(): Promise<void> {
    const losses: { order: number; loss: number }[] = [];
    for (const order of NGRAM_ORDERS) {
      losses.push({ order, loss: ngramLoss(this.ngram(order), this.val) });
      await yieldToEventLoop();
    }
    this.post({ type: 'baselines', losses });
  }

  /** Spans of generated ids copied from the training text (index built on first use). */
  copied(ids: readonly number[]): TextSpan[] {
    this.copyIndex ??= buildCopyIndex(this.train);
    return copiedSpans(this.copyIndex, ids);
  }

  get measuresAddition(): boolean {
    return this.addition.length > 0;
  }

  /** Greedy answers to the held-out sums (all at once, batched), scored by exact match. */
  async postAdditionAccuracy(step: number, epoch: number): Promise<void> {
    const prompts = this.addition.map((p) => Array.from(encode(this.vocab, p.prompt)));
    const longest = Math.max(...this.addition.map((p) => p.answer.length));
    const continuations = await greedyContinuations(this.net, prompts, longest + 1);
    const answers = continuations.map((ids) => decode(this.vocab, ids));
    const accuracy = exactMatchAccuracy(this.addition, answers);
    this.post({ type: 'taskAccuracy', step, epoch, accuracy, problems: this.addition.length });
  }

  stopGenerating(id: number): void {
    this.cancelled.add(id);
  }

  /** Streams `length` characters after the prime; a prime outside the vocabulary is refused. */
  async generate(request: Generate): Promise<void> {
    const { id } = request;
    const done = (error: string | null) =>
      this.post({ type: 'generated', id, chunk: '', done: true, error });
    const unknown = unknownChars(this.vocab, request.prime);
    if (unknown.length > 0) {
      done(
        `The prime has characters this corpus never uses: ${unknown.map((c) => JSON.stringify(c)).join(', ')}.`,
      );
      return;
    }
    const rng = deriveRng(Date.now() >>> 0, 'generate');
    const history = Array.from(encode(this.vocab, request.prime));
    const sampler = request.source.kind === 'network' ? new StatefulSampler(this.net) : null;
    try {
      let logits: ArrayLike<number> = new Float32Array(this.vocab.chars.length);
      if (sampler) for (const c of history) logits = await sampler.step(c);
      let chunk = '';
      let last = performance.now();
      for (let i = 0; i < request.length && !this.cancelled.has(id); i++) {
        const next = sampler
          ? pickFromLogits(logits, request.temperature, rng, request.topK)
          : this.pickNgram(history, request, rng);
        history.push(next);
        chunk += this.vocab.chars[next] ?? '';
        if (sampler) logits = await sampler.step(next);
        else if (i % 32 === 0) await yieldToEventLoop();
        if (performance.now() - last > CHUNK_MS) {
          this.post({ type: 'generated', id, chunk, done: false, error: null });
          chunk = '';
          last = performance.now();
          // On cpu and wasm a step only awaits microtasks: let Stop and training steps in.
          await yieldToEventLoop();
        }
      }
      this.post({ type: 'generated', id, chunk, done: false, error: null });
      done(null);
    } finally {
      sampler?.dispose();
      this.cancelled.delete(id);
    }
  }

  private pickNgram(history: number[], request: Generate, rng: () => number): number {
    const order = request.source.kind === 'ngram' ? request.source.order : 1;
    const probs = ngramDistribution(this.ngram(order), history);
    // As logits, so temperature and top-k mean the same for both sources.
    return pickFromLogits(Array.from(probs, Math.log), request.temperature, rng, request.topK);
  }

  async inspect(id: number, text: string, topK: number): Promise<void> {
    const chars = [...text].slice(0, MAX_INSPECT_CHARS);
    const unknown = unknownChars(this.vocab, chars.join(''));
    if (chars.length === 0 || unknown.length > 0) {
      const message =
        chars.length === 0
          ? 'Type or pick some text to look at.'
          : `The text has characters this corpus never uses: ${unknown.map((c) => JSON.stringify(c)).join(', ')}.`;
      this.post({ type: 'inspectionFailed', id, message });
      return;
    }
    const result = await inspect(this.net, Array.from(encode(this.vocab, chars.join(''))));
    const v = this.vocab.chars.length;
    const next: NextCharacters[] = chars.map((_, t) => {
      const row = result.probabilities.subarray(t * v, (t + 1) * v);
      const ids = topKIds(row, topK);
      return {
        chars: ids.map((i) => this.vocab.chars[i] ?? ''),
        probs: ids.map((i) => row[i] ?? 0),
      };
    });
    this.post({
      type: 'inspection',
      id,
      chars,
      gates: result.gates,
      hiddenSize: this.net.shape.hiddenSize,
      activations: result.activations,
      next,
      step: this.currentStep(),
    });
  }
}
