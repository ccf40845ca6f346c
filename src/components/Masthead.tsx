// The page's header and footer: what this is, and the privacy promise workshop attendees ask about.

export function AppHeader() {
  return (
    <header className="app-header">
      <h1>RNN Playground</h1>
      <p>
        Pick a text, press Train, and watch a character-level recurrent network (LSTM, GRU or simple
        RNN) learn to write it — the loss falls while its samples turn from gibberish into words.
      </p>
    </header>
  );
}

export function AppFooter() {
  return (
    <footer className="app-footer">
      <p>
        Everything runs in your browser: training happens in a Web Worker on TensorFlow.js, and the
        text never leaves your browser.
      </p>
    </footer>
  );
}
